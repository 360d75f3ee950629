// The Open Referral HSDS 3 API profile this server answers: the standard's openapi.json
// (fixtures/hsds-3/openapi.json) with this API's info and only the paths it serves; its texts
// are the standard's. The shapes it repeats (an id in the path, one object, a page of them)
// are written once below.
const SCHEMA = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';
const json = (schema: object) => ({ 'application/json': { schema } });
/** A parameter the standard defines once (components.parameters), with this path's own words when it has some. */
const shared = (name: string, description?: string) => ({ ...(description ? { description } : {}), $ref: `#/components/parameters/${name}` });
const byId = (what: string) => [{ in: 'path', name: 'id', required: true, description: `The id of the ${what} that the request is intended to retrieve.`, schema: { type: 'string' } }];
const one = (schema: string, description: string) => ({ 200: { description, content: json({ $ref: `${SCHEMA}${schema}` }) } });
const page = (items: string, description: string) => ({
  200: { description, content: json({ properties: { contents: { type: 'array', items: { $ref: `${SCHEMA}${items}` } } }, allOf: [{ $ref: '#/components/schemas/Page' }] }) },
});

const PATHS = {
  '/': {
    get: {
      description: 'Retrieve information about this API and its relationship with HSDS.',
      summary: 'Retrieve information about this API and its relationship with HSDS.',
      operationId: 'getAPIMetaInformation',
      responses: {'200': {description: 'A JSON response providing information about this API.', content: {'application/json': {schema: {type: 'object', properties: {version: {type: 'string', description: 'HSDS version of this API.'}, profile: {type: 'string', format: 'uri', description: 'URL of the information on the HSDS profile of this API.'}, openapi_url: {type: 'string', format: 'uri', description: 'URL of the openapi JSON file which defines this API.'}}}}}}},
    },
  },
  '/services/{id}': {
    parameters: byId('service'),
    get: {
      description: 'Retrieve fully nested service with all related data with id.',
      summary: 'Retrieves a fully nested service with all related data with id.',
      operationId: 'getFullyNestedServiceById',
      responses: one('compiled/service.json', 'A Service matching the {id}, with all related data according to the HSDS Specification for Service.'),
    },
  },
  '/services': {
    get: {
      description: 'Retrieve fully nested service with all related data with id.',
      summary: 'Retrieves paginated listings of services that only have one-to-one fields in them.',
      operationId: 'getPaginatedListOfServices',
      parameters: [shared('search'), shared('page'), shared('per_page'), shared('format'), shared('taxonomy_term_id'), shared('taxonomy_id'), shared('organization_id'), shared('modified_after'), shared('minimal', "Return array of just services with just 'id' and 'modified_date'.  When using this parameter aim to return all services within one page."), shared('full', 'true, false return fully nested service.')],
      responses: page('compiled/service_list.json', 'A paginated list of services that only have one-to-one fields in them.'),
    },
  },
  '/taxonomies/{id}': {
    parameters: byId('taxonomy'),
    get: {
      description: 'Full information on taxonomy.',
      summary: 'Retrieves full information on a taxonomy by {id}.',
      operationId: 'getTaxonomyById',
      responses: one('taxonomy.json', 'Full information on taxonomy.'),
    },
  },
  '/taxonomies': {
    get: {
      description: 'Paginated listing of taxonomies.',
      summary: 'Paginated listing of taxonomies.',
      operationId: 'getPaginatedListOfTaxonomies',
      parameters: [shared('search'), shared('page'), shared('per_page'), shared('format')],
      responses: page('taxonomy.json', 'Paginated listing of taxonomies.'),
    },
  },
  '/taxonomy_terms/{id}': {
    parameters: byId('taxonomy terms'),
    get: {
      description: 'Full information on a taxonomy term.',
      summary: 'Full information on a taxonomy term.',
      operationId: 'getPaginatedListOfTaxonomyTerms',
      responses: one('taxonomy_term.json', 'Full information on a taxonomy term.'),
    },
  },
  '/taxonomy_terms': {
    get: {
      description: 'Full information on a taxonomy term',
      summary: 'Paginated listing of taxonomy terms',
      operationId: 'getTaxonomyTermById',
      parameters: [shared('search'), shared('page'), shared('per_page'), shared('format'), shared('taxonomy_id'), {name: 'top_only', in: 'query', required: false, description: 'Only retrieve taxonomy terms that have not child terms.', schema: {type: 'boolean'}}, {name: 'parent_id', in: 'query', required: false, description: 'Recieve taxonomy terms that have a parent with this id.', schema: {type: 'string'}}],
      responses: page('taxonomy_term.json', 'Paginated listing of taxonomy terms'),
    },
  },
  '/organizations/{id}': {
    parameters: byId('organization'),
    get: {
      description: 'Fully nested organization with service array that contains simple information which could only contain the service.id.',
      summary: 'Fully nested organization with service array that contains simple information which could only contain the service.id.',
      operationId: 'getOrganizationById',
      parameters: [shared('full_service')],
      responses: one('compiled/organization.json', 'Fully nested organization with service array that contains simple information which could only contain the service.id.'),
    },
  },
  '/organizations': {
    get: {
      description: 'Paginated list of basic Organization information.',
      summary: 'Paginated list of basic Organization information',
      operationId: 'getPaginatedListOfOrganizations',
      parameters: [shared('search'), shared('full_service'), shared('full', 'Contains full nested organization information'), shared('page'), shared('per_page'), shared('format')],
      responses: page('compiled/organization_list.json', 'Paginated list of basic Organization information.'),
    },
  },
};

const DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Brusano feed — HSDS 3 read API (brusano-feed serve)',
    version: '1.0.0',
    summary: 'The services of a Brusano feed as Open Referral HSDS 3.',
    description: 'Answered by brusano-feed serve from a Brusano feed folder. Texts are in French (Dutch when there is no French); each object carries the French, Dutch and English texts in x_brusano.translations, and each service its full Brusano record in x_brusano.service.',
    license: {
      name: 'MIT',
      identifier: 'MIT'
    }
  },
  jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
  components: {
    schemas: {
      Page: {
        type: 'object',
        properties: {
          total_items: {
            type: 'integer',
            description: 'The total number of entities (e.g. services, organizations) returned'
          },
          total_pages: {
            type: 'integer',
            description: 'Count of total pages.'
          },
          page_number: {
            type: 'integer',
            description: 'The number of the current page'
          },
          size: {
            type: 'integer',
            description: 'The number of entities in the current page.'
          },
          first_page: {
            type: 'boolean',
            description: 'A Boolean value indicating if this is the first page'
          },
          last_page: {
            type: 'boolean',
            description: 'A Boolean value indicating if this is the last page'
          },
          empty: {
            type: 'boolean',
            description: 'A Boolean value indicating if there is an empty result set'
          }
        }
      }
    },
    parameters: {
      search: {
        name: 'search',
        in: 'query',
        required: false,
        description: 'Full text search.',
        schema: {
          type: 'string'
        }
      },
      page: {
        name: 'page',
        in: 'query',
        required: false,
        description: 'Page number of paginated result.',
        schema: {
          type: 'integer'
        }
      },
      per_page: {
        name: 'per_page',
        in: 'query',
        required: false,
        description: 'Number of results requested in a single page.',
        schema: {
          type: 'integer'
        }
      },
      minimal: {
        name: 'minimal',
        in: 'query',
        required: false,
        description: "Return array of just service 'id' and 'modified_date'.  When using this parameter aim to return all services within one call.",
        schema: {
          type: 'boolean'
        }
      },
      full: {
        name: 'full',
        in: 'query',
        required: false,
        description: 'Return a fully nested service, service_at_location, or organization based on the request.',
        schema: {
          type: 'boolean'
        }
      },
      modified_after: {
        name: 'modified_after',
        in: 'query',
        required: false,
        description: 'Return all results modified on or after this datetime.',
        schema: {
          type: 'string',
          format: 'datetime'
        }
      },
      taxonomy_term_id: {
        name: 'taxonomy_term_id',
        in: 'query',
        required: false,
        description: 'Search for services with particular taxonomy_term.',
        schema: {
          type: 'string'
        }
      },
      taxonomy_id: {
        name: 'taxonomy_id',
        in: 'query',
        required: false,
        description: 'Search for services which contain any term with this taxonomy.',
        schema: {
          type: 'string'
        }
      },
      organization_id: {
        name: 'organization_id',
        in: 'query',
        required: false,
        description: 'Search for services which contain services that that this organization provides.',
        schema: {
          type: 'string'
        }
      },
      full_service: {
        name: 'full_service',
        in: 'query',
        required: false,
        description: 'Fully nested organization with service array that contains full service information.',
        schema: {
          type: 'boolean'
        }
      },
      postcode: {
        name: 'postcode',
        in: 'query',
        required: false,
        description: 'The postcode or zip code of a point used to check service coverage. If `service_area` is available, only return results where the postcode exists within the `service_area`.  If `proximity` is provided, only show results within the proximity from the centroid of the postcode.',
        schema: {
          type: 'string'
        }
      },
      proximity: {
        name: 'proximity',
        in: 'query',
        required: false,
        description: 'Return services that exist within meters from the centroid of the provided postcode',
        schema: {
          type: 'string'
        }
      },
      format: {
        name: 'format',
        in: 'query',
        required: false,
        description: 'Return results in the specified format. Default is `json`. Could be `ndjson` which should stream all the results without pagination.',
        schema: {
          type: 'string'
        }
      }
    }
  }
};

export const OPENAPI = { ...DOCUMENT, paths: PATHS };

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Service } from '@brusano/sdk';
import type { TerritoryAnswer, TerritoryReference } from '@brusano/sdk/territory';

/**
 * - `off`: not asked; `locating`: waiting for the browser; `on`: sorted by distance.
 * - `denied`, `unavailable`, `timeout`, `imprecise`, `outside`: said in plain words, nothing else changes.
 */
export type NearStatus = 'off' | 'locating' | 'on' | 'denied' | 'unavailable' | 'timeout' | 'imprecise' | 'outside';

/** A position less precise than this (metres) can't sort services a few streets apart. */
const MAX_ACCURACY_M = 5_000;
const TIMEOUT_MS = 15_000;
/** The radius filter's choices, in metres (0: any distance). */
export const RADII = [0, 500, 1_000, 2_000, 5_000] as const;

type Geo = typeof import('@brusano/sdk/geo');
let geoModule: Promise<Geo> | undefined;
/** The boundaries and distance code, loaded on the first click: a page where nobody asks never carries them. */
const loadGeo = () => (geoModule ??= import('@brusano/sdk/geo'));

/**
 * "Near me" for the finder: asks the browser for the position only when the person clicks, says
 * where it is (commune, bassin), and sorts and filters services by distance. The position stays
 * in this object: it is not stored, sent, or put in the page address.
 */
export class NearMeController implements ReactiveController {
  status: NearStatus = 'off';
  territory?: TerritoryAnswer;
  /** Metres; 0 for any distance. */
  radius = 0;
  private point?: { lat: number; lon: number };
  private distance?: Geo['distanceInMetres'];
  private asked = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The communes and bassins to say where the position is (the look-up's code may have to load). */
    private readonly reference: () => Promise<TerritoryReference>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stop();
  }

  /** Asks for the position (the browser asks the person), then sorts by distance. */
  locate(): void {
    const asking = ++this.asked;
    const settle = (status: NearStatus) => {
      if (asking !== this.asked) return; // stopped or asked again meanwhile
      this.status = status;
      this.host.requestUpdate();
    };
    if (!('geolocation' in navigator)) return settle('unavailable');
    settle('locating');
    // The code loads while the browser asks the person; a failure is said once the position is there.
    const code = Promise.all([loadGeo(), this.reference()]);
    code.catch(() => undefined);
    navigator.geolocation.getCurrentPosition(
      async ({ coords }) => {
        const { latitude, longitude, accuracy } = coords;
        if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return settle('unavailable');
        if (!Number.isFinite(accuracy) || accuracy < 0 || accuracy > MAX_ACCURACY_M) return settle('imprecise');
        let loaded: Geo;
        let reference: TerritoryReference;
        try {
          [loaded, reference] = await code;
        } catch {
          return settle('unavailable');
        }
        if (asking !== this.asked) return;
        const territory = loaded.territoryAt(longitude, latitude, reference);
        if (territory.status === 'outside-region') return settle('outside');
        this.point = { lat: latitude, lon: longitude };
        this.distance = loaded.distanceInMetres;
        this.territory = territory;
        settle('on');
      },
      (error) => settle(error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timeout' : 'unavailable'),
      { enableHighAccuracy: false, timeout: TIMEOUT_MS, maximumAge: 60_000 },
    );
  }

  /** Forgets the position. */
  stop(): void {
    this.asked++;
    this.status = 'off';
    this.point = undefined;
    this.territory = undefined;
    this.radius = 0;
    this.host.requestUpdate();
  }

  setRadius(metres: number): void {
    this.radius = (RADII as readonly number[]).includes(metres) ? metres : 0;
    this.host.requestUpdate();
  }

  /**
   * The services nearest first (those without a place on the map last), without those beyond
   * the radius; and each one's distance.
   */
  arrange(services: readonly Service[]): { services: readonly Service[]; distances: ReadonlyMap<Service, number> } {
    const { point, distance } = this;
    const distances = new Map<Service, number>();
    if (this.status !== 'on' || !point || !distance) return { services, distances };
    for (const service of services) {
      let nearest = Infinity;
      for (const location of service.locations ?? []) if (location.geo) nearest = Math.min(nearest, distance(point, location.geo));
      if (nearest < Infinity) distances.set(service, nearest);
    }
    const far = (service: Service) => distances.get(service) ?? Infinity;
    const kept = services.filter((service) => !this.radius || far(service) <= this.radius);
    // A stable sort: services as far keep the search's order.
    return { services: kept.sort((a, b) => far(a) - far(b)), distances };
  }
}

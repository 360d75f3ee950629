/** A helpdesk as a contact card people can save (vCard 4.0). */
export { helpdeskToVCard } from './contact/vcard.js';

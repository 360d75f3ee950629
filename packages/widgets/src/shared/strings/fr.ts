
/** The texts every widget shows (loading, errors, contact labels, opening hours), in French. */
const fr = {
  loading: 'Chargement…',
  retry: 'Réessayer',
  sample: 'Exemple',
  sampleNote: 'Donnée d’exemple : ce service n’existe pas.',
  feedMissing: 'Ce widget n’a pas d’adresse de données (attribut feed).',
  feedError: 'Les informations n’ont pas pu être chargées. Vérifiez votre connexion et réessayez.',
  feedTimeout: 'Le serveur ne répond pas. Réessayez dans un moment.',
  feedFormat: 'Les données reçues ne sont pas lisibles. Nous ne pouvons pas les afficher.',
  partialData: (count: number) =>
    count === 1 ? '1 fiche contenait une erreur et n’est pas affichée.' : `${count} fiches contenaient une erreur et ne sont pas affichées.`,
  helpInstead: 'Pour trouver de l’aide maintenant, contactez :',
  staleData: (date: string) => `La mise à jour n’a pas pu être chargée : ces informations datent du ${date}.`,
  open: 'Ouvert',
  closed: 'Fermé',
  closesAt: (time: string) => `ferme à ${time}`,
  closesSoon: (time: string) => `ferme bientôt (${time})`,
  opensAt: (day: string, time: string) => `ouvre ${day} à ${time}`,
  today: 'aujourd’hui',
  tomorrow: 'demain',
  phone: 'Téléphone',
  extension: (number: string) => `poste ${number}`,
  email: 'E-mail',
  website: 'Site web',
  bassin: 'Bassin d’aide et de soins',
  allBassins: 'Tous les bassins',
  bassinOf: (name: string) => `Bassin ${name}`,
  partialFields: (count: number) =>
    count === 1 ? '1 fiche est affichée sans un détail qui contenait une erreur.' : `${count} fiches sont affichées sans certains détails qui contenaient une erreur.`,
};

export type SharedStrings = typeof fr;

export default fr;

// The reader of the whole directory (the compact file's decoder with it), in a chunk of its own:
// the finder loads it once its first results are on screen, not before them.
export { readServices } from '@brusano/sdk/reader';

// Every command on domain data, each through the one command path (../command.ts).
export {
  createAnsprechpartner,
  eraseAnsprechpartner,
  updateAnsprechpartner,
  type AnsprechpartnerAnswer,
} from './ansprechpartner.ts';
export { resetDemoData } from './demo.ts';
export {
  addAuszahlung,
  createFoerderantrag,
  updateFoerderantrag,
  type FoerderantragAnswer,
} from './foerderantraege.ts';
export { createKommentar } from './kommentare.ts';
export {
  correctMeilenstein,
  recordMeilenstein,
  withdrawMeilenstein,
  type MeilensteinAnswer,
  type MeilensteinCreate,
} from './meilensteine.ts';
export { recordUnterzeichnung, type UnterzeichnungAnswer, type UnterzeichnungCreate } from './unterzeichnungen.ts';
export { createWiedervorlage, updateWiedervorlage, type WiedervorlageAnswer } from './wiedervorlagen.ts';
export { setzeStocktSchwellen } from './stockt.ts';

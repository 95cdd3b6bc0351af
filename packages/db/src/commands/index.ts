// Every command on domain data, each through the one command path (../command.ts).
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

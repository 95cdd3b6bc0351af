import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { NewDomainEvent, PolizeidirektionId } from '@asskomm/domain';

/** A date column: read as 'YYYY-MM-DD' (parsers set in createDb), written as the same. */
type DateColumn = ColumnType<string, string, string>;
/** bigint arrives as a string from both drivers; written as a number. */
type Int8 = ColumnType<string, number | bigint | string, number | bigint | string>;

export interface PolizeidirektionTable {
  id: PolizeidirektionId;
  name: string;
}

export interface KommuneTable {
  ags: string;
  name: string;
  art: 'Gemeinde' | 'Stadt' | 'Landkreis' | 'Kreisfreie Stadt';
  kreis_ags: string;
  polizeidirektion_id: PolizeidirektionId;
  gueltig_ab: DateColumn | null;
  gueltig_bis: DateColumn | null;
  nachfolger_ags: string | null;
  modellkommune: Generated<boolean>;
  version: Generated<number>;
}

export interface UnterzeichnungTable {
  id: Generated<number>;
  datum: DateColumn;
  unterzeichner: ColumnType<string[], string[] | undefined, string[]>;
  notiz: string | null;
  quelle: string | null;
  synthetisch: Generated<boolean>;
  erfasst_von: number | null;
  erfasst_am: Generated<Date>;
}

export interface MeilensteinTable {
  id: Generated<number>;
  kommune_ags: string;
  kind: string;
  datum: DateColumn;
  notiz: string | null;
  quelle: string | null;
  synthetisch: Generated<boolean>;
  erfasst_am: Generated<Date>;
  unterzeichnung_id: number | null;
  erfasst_von: number | null;
  zurueckgezogen_am: Date | null;
  zurueckgezogen_von: number | null;
  zurueckgezogen_grund: string | null;
}

export interface HaushaltsjahrTable {
  jahr: number;
  budget_cent: Int8;
}

export interface FoerderantragTable {
  id: Generated<number>;
  kommune_ags: string;
  haushaltsjahr: number;
  zweck: string;
  eingereicht_am: DateColumn;
  beantragt_cent: Int8;
  foerderfaehig_cent: Int8;
  entscheidung: 'bewilligt' | 'abgelehnt' | null;
  entschieden_am: DateColumn | null;
  bewilligt_cent: Int8 | null;
  handlungsfelder: ColumnType<string[], string[] | undefined, string[]>;
  zurueckgezogen_am: DateColumn | null;
  verwendungsnachweis_am: DateColumn | null;
  geprueft_am: DateColumn | null;
  zurueckgefordert_cent: ColumnType<string, number | string | undefined, number | string>;
  zurueckgefordert_am: DateColumn | null;
  notiz: string | null;
  synthetisch: Generated<boolean>;
  version: Generated<number>;
}

export interface AuszahlungTable {
  id: Generated<number>;
  antrag_id: number;
  datum: DateColumn;
  betrag_cent: Int8;
  synthetisch: Generated<boolean>;
}

export interface DomainEventTable {
  /** generated always as identity */
  seq: ColumnType<string, never, never>;
  type: string;
  /** The Polizeidirektion whose area the event concerns: scoped replay filters on it. */
  polizeidirektion_id: PolizeidirektionId | null;
  actor_id: number | null;
  /** The event as its command wrote it; `seq` and `at` are the columns. */
  payload: ColumnType<NewDomainEvent & { version: number | null; actor: string | null }, string, string>;
  created_at: Generated<Date>;
}

export interface BenutzerTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: 'admin' | 'lpr' | 'ministerium' | 'polizei';
  polizeidirektion_id: PolizeidirektionId | null;
  password_hash: string;
  active: Generated<boolean>;
  demo: Generated<boolean>;
  created_at: Generated<Date>;
  last_login_at: Date | null;
}

export interface SessionTable {
  id: string;
  benutzer_id: number;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  view_as_role: string | null;
  view_as_pd: string | null;
  ip: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  action: string;
  actor_id: number | null;
  target_id: number | null;
  email: string | null;
  ip: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface KommuneFaktenTable {
  ags: string;
  beraten_ab: DateColumn | null;
  kpr_ab: DateColumn | null;
  koordinierungsstelle_ab: DateColumn | null;
  analyse_begonnen_ab: DateColumn | null;
  analyse_abgeschlossen_ab: DateColumn | null;
  kv_daten: ColumnType<string[], string[] | undefined, string[]>;
  austritt_daten: ColumnType<string[], string[] | undefined, string[]>;
}

export interface KommentarTable {
  id: Generated<number>;
  ags: string;
  autor_id: number | null;
  text: string;
  created_at: Generated<Date>;
}

export interface ErwaehnungTable {
  id: Generated<number>;
  kommentar_id: number;
  benutzer_id: number;
  gelesen_am: Date | null;
}

export interface PraesentationTable {
  id: number;
  szene: string;
  stand: DateColumn | null;
  version: number;
  geaendert_am: Generated<Date>;
}

export interface KioskLinkTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  zeigt_kleine_foerderzahlen: Generated<boolean>;
  erstellt_von: number | null;
  erstellt_am: Generated<Date>;
  widerrufen_am: Date | null;
}

export interface IdempotencyKeyTable {
  benutzer_id: number;
  key: string;
  /** SHA-256 of the command's name and input: the same key with another request is refused. */
  fingerprint: string;
  /** The command's result once it committed. */
  result: ColumnType<unknown, string | null, string>;
  created_at: Generated<Date>;
}

/** A Lagebericht PDF as handed out (2026-12-04T0000_bericht). */
export interface BerichtTable {
  id: string;
  polizeidirektion_id: PolizeidirektionId | null;
  kreis: string | null;
  stand: string;
  seit: string;
  seq: ColumnType<string, number, never>;
  sha256: string;
  oeffentlich: boolean;
  benutzer_id: number | null;
  erstellt_von: string | null;
  created_at: Generated<Date>;
}

/** A contact person of a Kommune (2026-12-04T1200_ansprechpartner_wiedervorlagen). */
export interface AnsprechpartnerTable {
  id: Generated<number>;
  kommune_ags: string;
  rolle: string;
  name: string;
  organisation: string | null;
  telefon: string | null;
  email: string | null;
  notiz: string | null;
  seit: DateColumn | null;
  bis: DateColumn | null;
  oeffentlich: boolean;
  rechtsgrundlage: string;
  einwilligung_am: DateColumn | null;
  benutzer_id: number | null;
  synthetisch: Generated<boolean>;
  version: Generated<number>;
  geaendert_von: number | null;
  geaendert_am: Generated<Date>;
}

/** A next step for a Kommune (same migration). */
export interface WiedervorlageTable {
  id: Generated<number>;
  kommune_ags: string;
  was: string;
  faellig_am: DateColumn;
  zustaendig_id: number | null;
  meilenstein_kind: string | null;
  erledigt_am: DateColumn | null;
  erledigt_von: number | null;
  erstellt_von: number | null;
  erstellt_am: Generated<Date>;
  synthetisch: Generated<boolean>;
  version: Generated<number>;
}

/** A Land-wide setting of the LPR (2026-12-04T1300_stockt_schwellen). */
export interface EinstellungTable {
  schluessel: string;
  wert: ColumnType<unknown, string, string>;
  geaendert_von: number | null;
  geaendert_am: Generated<Date>;
}

/** Requests of one client (`key`) in the minute starting at `window_start`. */
export interface RateLimitTable {
  key: string;
  window_start: Date;
  count: number;
}

export interface Database {
  polizeidirektion: PolizeidirektionTable;
  kommune: KommuneTable;
  meilenstein: MeilensteinTable;
  haushaltsjahr: HaushaltsjahrTable;
  foerderantrag: FoerderantragTable;
  auszahlung: AuszahlungTable;
  unterzeichnung: UnterzeichnungTable;
  kommune_fakten: KommuneFaktenTable;
  domain_event: DomainEventTable;
  benutzer: BenutzerTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  kommentar: KommentarTable;
  erwaehnung: ErwaehnungTable;
  praesentation: PraesentationTable;
  kiosk_link: KioskLinkTable;
  idempotency_key: IdempotencyKeyTable;
  rate_limit: RateLimitTable;
  bericht: BerichtTable;
  ansprechpartner: AnsprechpartnerTable;
  wiedervorlage: WiedervorlageTable;
  einstellung: EinstellungTable;
}

export type NewKommune = Insertable<KommuneTable>;
export type BenutzerRow = Selectable<BenutzerTable>;

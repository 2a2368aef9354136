import type { Application, TurnState } from '@microsoft/teams-ai';

/** The teams-ai application every feature registers on. */
export type PanelApp = Application<TurnState>;

import { LocalPoster } from './poster.js';
import { LocalResponder, type LocalInteractionInfo } from './responder.js';
import { WorkspaceState, type WorkspaceOptions } from './workspace-state.js';

export {
	NONCE_WINDOW_MS,
	type LocalScheduledEvent,
	type WorkspaceEvent,
	type WorkspaceOptions,
} from './workspace-state.js';

/**
 * An in-memory Discord guild ({@link WorkspaceState}) with the bot's two ways to write to it: the poster and a
 * responder per interaction. The local mode serves it to a browser page; tests of features use it as a Discord
 * stand-in:
 *
 * ```ts
 * const workspace = new LocalWorkspace();
 * const app = await createApp({ config, log, poster: workspace.poster, store });
 * await workspace.poster.send(workspace.ids.channels.studyGroup, { content: 'Week 5 starts now' });
 * workspace.messages(workspace.ids.channels.studyGroup); // → [the message]
 * ```
 */
export class LocalWorkspace extends WorkspaceState {
	/** Posting outside interactions, for `createApp({ poster })`. */
	readonly poster: LocalPoster;

	constructor(options: WorkspaceOptions = {}) {
		super(options);
		this.poster = new LocalPoster(this);
	}

	/** A {@link LocalResponder} answering one interaction in this workspace. */
	responder(info: LocalInteractionInfo): LocalResponder {
		return new LocalResponder(this, info);
	}
}

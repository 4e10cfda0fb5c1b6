/**
 * `/schedule post-now` by hand: a week's post updated in place or replaced (its post, thread and event deleted first),
 * and what `/schedule show` lists as posted by hand. Private replies to the organizer.
 */
export const repost = {
	inPlace: {
		failed:
			'Week {{week}} was posted before ({{link}}) but that post could not be updated ({{error}}). `/schedule post-now week:{{week}} replace:true` deletes what is left of it (post, thread, event) and posts it again.',
		updated: '✏️ Week {{week}} was posted already, so its post was updated in place (new text, same message): {{link}}',
		threadKept: 'Thread kept: <#{{thread}}>',
		noThread: 'It has no thread.',
		eventKept: 'Event kept (unchanged): {{url}}',
		noEventNotMade: 'It has no event, and none was made: an event belongs to a fresh post.',
		noEvent: 'It has no event.',
		howToReplace:
			'Nothing new was posted. To post the week again at the bottom of the channel, with a new thread and event, add `replace:true`: the old post, its thread (with its messages) and its event are deleted first.',
	},
	removed: {
		deleted: {
			thread: '🗑️ Deleted the thread <#{{thread}}> (with every message in it).',
			message: '🗑️ Deleted the post {{url}}.',
			event: '🗑️ Deleted the event {{url}}.',
		},
		gone: {
			thread: '🗑️ The thread <#{{thread}}> (with every message in it) was deleted already.',
			message: '🗑️ The post {{url}} was deleted already.',
			event: '🗑️ The event {{url}} was deleted already.',
		},
	},
	replaceFailed: {
		couldNotDelete: {
			thread: 'Week {{week}} was not posted again: I could not delete its thread ({{error}}).',
			message: 'Week {{week}} was not posted again: I could not delete its post ({{error}}).',
			event: 'Week {{week}} was not posted again: I could not delete its event ({{error}}).',
		},
		alreadyDone: 'Already done:',
		nothingDeleted: 'Nothing was deleted.',
		threadPermission:
			'Deleting a thread needs the Manage Threads permission: give it to me, or delete the thread by hand, and run this again.',
		byHand: 'Delete it by hand and run this again: what is already gone is skipped.',
	},
	posted: {
		failed: 'The post failed: {{error}}.',
		unknownError: 'unknown error',
		again: '♻️ Week {{week}} posted again, replacing its earlier post: {{url}}',
		first: '✅ Posted week {{week}}: {{url}}',
		newThread: 'New thread: <#{{thread}}>',
		noThread: 'No thread ({{reason}}).',
		notMade: 'not made',
		newEvent: 'New event: {{url}}',
		event: 'Event: {{url}}',
		noEvent: 'No event ({{reason}}).',
		noEventAsked: 'No event (add `event:true` to create one).',
		planUnchanged: 'The plan is unchanged: its next posts go out as `/schedule show` lists them.',
	},
	byHand: {
		title: '✋ Posted by hand (/schedule post-now)',
		postedAgain: 'posted again {{when}}, replacing the post of {{earlier}} (deleted with its thread and event)',
		posted: 'posted {{when}}',
		line: 'Week {{week}}: {{what}}: {{link}}',
		lineReplaced: 'Week {{week}}: {{what}}, since replaced',
		edited: 'Week {{week}}: text updated in place {{when}}: {{link}}',
		more_one: '…and {{count}} more.',
		more_other: '…and {{count}} more.',
	},
} as const;

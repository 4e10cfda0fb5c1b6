import { tokenizeChatTasks } from '../../demos/tokenize/chat.js';
import { tokenizeFamilyTasks } from '../../demos/tokenize/families.js';
import { tokenizeTasks } from '../../demos/tokenize/task.js';
import { systemTasks } from './system.js';

/**
 * The tasks of the tokenizer owner: the one thread that holds the Hugging Face families' tokenizers (see
 * `ownedByTokenizerThread`). It imports only these, not the whole registry (no TensorFlow.js, no word vectors).
 */
export const tasks = { ...systemTasks, ...tokenizeTasks, ...tokenizeFamilyTasks, ...tokenizeChatTasks };

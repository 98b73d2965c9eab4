/** Thread pages with nested replies and their editor, the cohort's commons, and the community agreements. */
package org.praxis.conversation.ui;

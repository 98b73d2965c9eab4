/** Views of joining: the public application and invitation pages, and the facilitators' review. */
package org.praxis.joining.ui;

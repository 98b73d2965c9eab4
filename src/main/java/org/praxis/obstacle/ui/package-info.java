/** The facilitators' view of what gets in the way, and the dialog to name obstacles on a post. */
package org.praxis.obstacle.ui;

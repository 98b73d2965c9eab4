/** The organisation form, used from the people view. */
package org.praxis.organization.ui;

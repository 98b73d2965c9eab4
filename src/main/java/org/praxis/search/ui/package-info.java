/** The search field in the app shell and the results view. */
package org.praxis.search.ui;

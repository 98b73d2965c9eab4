/**
 * The application shell and what all views share: the layout with navigation for the signed-in
 * role, the login view, friendly error pages, and helpers for showing input problems in place.
 */
package org.praxis.base.ui;

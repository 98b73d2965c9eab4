/** All UI text comes from the {@code i18n/messages} bundle through Vaadin's {@code I18NProvider}. */
package org.praxis.base.i18n;

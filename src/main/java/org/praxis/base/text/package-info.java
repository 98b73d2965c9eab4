/** Turning what people write into safe HTML. */
package org.praxis.base.text;

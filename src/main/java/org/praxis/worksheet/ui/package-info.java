/** Views of worksheets: templates and their editor, assignments, filling and reading responses. */
package org.praxis.worksheet.ui;

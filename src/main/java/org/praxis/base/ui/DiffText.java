package org.praxis.base.ui;

import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Pre;
import java.util.List;
import org.praxis.base.text.WordDiff;

/**
 * Text with its changes marked: removed words in {@code <del>}, added words in {@code <ins>},
 * so the change is announced by screen readers and not only coloured (styles under
 * {@code .praxis-revision}).
 */
public class DiffText extends Pre {

    public DiffText(List<WordDiff.Segment> segments) {
        for (WordDiff.Segment segment : segments) {
            switch (segment.kind()) {
                case SAME -> add(new Text(segment.text()));
                case ADDED -> add(new Changed("ins", segment.text()));
                case REMOVED -> add(new Changed("del", segment.text()));
            }
        }
    }

    static final class Changed extends HtmlContainer {
        Changed(String tag, String text) {
            super(tag);
            setText(text);
        }
    }
}

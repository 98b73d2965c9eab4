package org.praxis.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts, for every matching document, the values of some keyword fields (their sorted doc
 * values), in the same pass as the top results. Counting happens inside the reader's access
 * filter, so a count never includes what they may not read.
 */
final class FacetCounts implements CollectorManager<FacetCounts.Counter, Map<String, Map<String, Long>>> {

    private final String[] fields;

    FacetCounts(String... fields) {
        this.fields = fields;
    }

    @Override
    public Counter newCollector() {
        return new Counter(fields);
    }

    @Override
    public Map<String, Map<String, Long>> reduce(Collection<Counter> counters) throws IOException {
        Map<String, Map<String, Long>> out = new HashMap<>();
        for (String field : fields) {
            out.put(field, new HashMap<>());
        }
        for (Counter counter : counters) {
            counter.addTo(out);
        }
        return out;
    }

    static final class Counter implements Collector {

        private final String[] fields;
        private final List<SortedDocValues[]> values = new ArrayList<>();
        private final List<int[][]> counts = new ArrayList<>();

        Counter(String[] fields) {
            this.fields = fields;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedDocValues[] dvs = new SortedDocValues[fields.length];
            int[][] leafCounts = new int[fields.length][];
            for (int f = 0; f < fields.length; f++) {
                dvs[f] = DocValues.getSorted(context.reader(), fields[f]);
                leafCounts[f] = new int[dvs[f].getValueCount()];
            }
            // doc values are read forwards while collecting; fresh instances to look the ords up later
            SortedDocValues[] lookup = new SortedDocValues[fields.length];
            for (int f = 0; f < fields.length; f++) {
                lookup[f] = DocValues.getSorted(context.reader(), fields[f]);
            }
            values.add(lookup);
            counts.add(leafCounts);
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                    // counts need no scores
                }

                @Override
                public void collect(int doc) throws IOException {
                    for (int f = 0; f < dvs.length; f++) {
                        if (dvs[f].advanceExact(doc)) {
                            leafCounts[f][dvs[f].ordValue()]++;
                        }
                    }
                }
            };
        }

        void addTo(Map<String, Map<String, Long>> out) throws IOException {
            for (int leaf = 0; leaf < counts.size(); leaf++) {
                for (int f = 0; f < fields.length; f++) {
                    int[] c = counts.get(leaf)[f];
                    for (int ord = 0; ord < c.length; ord++) {
                        if (c[ord] > 0) {
                            out.get(fields[f]).merge(values.get(leaf)[f].lookupOrd(ord).utf8ToString(), (long) c[ord],
                                    Long::sum);
                        }
                    }
                }
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}

package fr.relocmatch.launcher;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/**
 * mongo-java-server's in-memory backend, with the lookups a real MongoDB answers from its indexes
 * answered from hash maps. The stock backend uses an index only when a query names exactly that
 * index's fields: {@code {_id: x, version: 3}} (a versioned save), {@code {$and: [{_id: x}, …]}} (a
 * publication mark) or {@code {demandId: x}} on a non-unique index all scan the whole collection,
 * which under load costs more than every service together (see docs/benchmarks.md, "Under load").
 *
 * <p>Here a query holding an equality on {@code _id} or on the single field of a declared index —
 * at its top level or inside {@code $and} — looks at the documents with that value only; the full
 * query is then matched against them as before, so results are the stock backend's. Only string, boolean and
 * ObjectId values are looked up; a query on anything else, or without such an equality, scans.
 */
final class IndexedMemoryBackend extends MemoryBackend {

    /**
     * A stopping server closes its backend; this one keeps its data, as a database's disk does, so
     * that a server started again on it finds what was stored. {@link #discard()} drops it.
     */
    @Override
    public void close() {
    }

    /** Drops every database. */
    void discard() {
        super.close();
    }

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new MemoryDatabase(databaseName, getCursorRegistry()) {
            @Override
            protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                return new IndexedCollection(this, collectionName, options, getCursorRegistry());
            }
        };
    }

    /** Called with the collection's lock held (its public operations are synchronized). */
    static final class IndexedCollection extends MemoryCollection {

        /** Per indexed field: positions by value; {@code null} key: documents whose value cannot be looked up. */
        private final Map<String, Map<Object, Set<Integer>>> lookups = new HashMap<>();
        /** Documents the last query looked at (for tests). */
        private int examined;

        IndexedCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector) {
            refreshLookups();
            Optional<Set<Integer>> candidates = candidates(query);
            if (candidates.isEmpty()) {
                examined = count();
                return super.matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
            }
            return matchDocuments(query, candidates.get(), orderBy, skip, limit, batchSize, fieldSelector);
        }

        /** The documents at these positions (from {@link #candidates} or from a stock index naming exactly the query's fields). */
        @Override
        protected QueryResult matchDocuments(Document query, Iterable<Integer> positions, Document orderBy, int skip, int limit,
                int batchSize, Document fieldSelector) {
            List<Integer> looked = new ArrayList<>();
            positions.forEach(looked::add);
            examined = looked.size();
            return super.matchDocuments(query, looked, orderBy, skip, limit, batchSize, fieldSelector);
        }

        int examinedByLastQuery() {
            return examined;
        }

        @Override
        protected Integer addDocumentInternal(Document document) {
            Integer position = super.addDocumentInternal(document);
            lookups.forEach((field, byValue) -> add(byValue, document.get(field), position));
            return position;
        }

        @Override
        protected void removeDocument(Integer position) {
            Document document = getDocument(position);
            super.removeDocument(position);
            if (document != null) {
                lookups.forEach((field, byValue) -> remove(byValue, document.get(field), position));
            }
        }

        @Override
        protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
            super.handleUpdate(position, oldDocument, newDocument);
            lookups.forEach((field, byValue) -> {
                remove(byValue, oldDocument.get(field), position);
                add(byValue, newDocument.get(field), position);
            });
        }

        /** The fields looked up: {@code _id} and each declared single-field index's (built on first sight). */
        private void refreshLookups() {
            Set<String> fields = new HashSet<>(Set.of("_id"));
            for (Index<Integer> index : getIndexes()) {
                if (index.getKeys().size() == 1 && !index.getKeys().get(0).getKey().contains(".")) {
                    fields.add(index.getKeys().get(0).getKey());
                }
            }
            lookups.keySet().retainAll(fields);
            for (String field : fields) {
                lookups.computeIfAbsent(field, f -> {
                    Map<Object, Set<Integer>> byValue = new HashMap<>();
                    streamAllDocumentsWithPosition().forEach(d -> add(byValue, d.getDocument().get(f), d.getPosition()));
                    return byValue;
                });
            }
        }

        /** The positions that may match: those of the first equality on a looked-up field, with the documents that cannot be looked up. */
        private Optional<Set<Integer>> candidates(Document query) {
            for (Map.Entry<String, Object> condition : query.entrySet()) {
                Map<Object, Set<Integer>> byValue = lookups.get(condition.getKey());
                if (byValue != null && isLookupValue(condition.getValue())) {
                    Set<Integer> positions = new TreeSet<>(byValue.getOrDefault(condition.getValue(), Set.of()));
                    positions.addAll(byValue.getOrDefault(null, Set.of()));
                    return Optional.of(positions);
                }
            }
            if (query.get("$and") instanceof List<?> all) {
                for (Object part : all) {
                    if (part instanceof Document document) {
                        Optional<Set<Integer>> found = candidates(document);
                        if (found.isPresent()) {
                            return found;
                        }
                    }
                }
            }
            return Optional.empty();
        }

        private static boolean isLookupValue(Object value) {
            return value instanceof String || value instanceof ObjectId || value instanceof Boolean;
        }

        /** Strings, booleans and ObjectIds by value, each element of an array too; anything else (a number, a document, no value at all) under {@code null}. */
        private static void add(Map<Object, Set<Integer>> byValue, Object value, Integer position) {
            for (Object key : keys(value)) {
                byValue.computeIfAbsent(key, k -> new HashSet<>()).add(position);
            }
        }

        private static void remove(Map<Object, Set<Integer>> byValue, Object value, Integer position) {
            for (Object key : keys(value)) {
                Set<Integer> positions = byValue.get(key);
                if (positions != null && positions.remove(position) && positions.isEmpty()) {
                    byValue.remove(key);
                }
            }
        }

        private static Collection<Object> keys(Object value) {
            if (isLookupValue(value)) {
                return List.of(value);
            }
            if (value instanceof Collection<?> elements && elements.stream().allMatch(IndexedCollection::isLookupValue)) {
                return new HashSet<>(elements);
            }
            Set<Object> unknown = new HashSet<>();
            unknown.add(null);
            return unknown;
        }
    }
}

package fr.dynamiques.sante.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import jakarta.inject.Inject;

import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.hibernate.search.backend.elasticsearch.ElasticsearchBackend;
import org.hibernate.search.backend.elasticsearch.index.ElasticsearchIndexManager;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;

@QuarkusTest
@WithTestResource(EmbeddedServicesResource.class)
class TerritoryIndexerTest {

    @Inject
    TerritoryIndexer indexer;

    @Inject
    SearchMapping mapping;

    @Test
    void emptyIndexesAreFilledAsTheyAreAndFullOnesRebuiltWithoutWhatTheDatabaseLacks() throws IOException {
        // As at a first start: the indexes exist and hold nothing.
        mapping.scope(Territory.class).schemaManager().dropAndCreate();
        assertThat(indexer.indexed()).isZero();
        indexer.reindex();
        assertThat(indexer.isInSync()).isTrue();
        // A région the database does not have (as after a COG that drops a territory) must not outlive a rebuild.
        Request stale = new Request("PUT", "/" + mapping.indexedEntity(Region.class).indexManager()
                .unwrap(ElasticsearchIndexManager.class).descriptor().writeName() + "/_doc/99");
        stale.addParameter("refresh", "true");
        stale.setJsonEntity("{}");
        mapping.backend().unwrap(ElasticsearchBackend.class).client(RestClient.class).performRequest(stale);
        assertThat(indexer.isInSync()).isFalse();
        indexer.reindex();
        assertThat(indexer.isInSync()).isTrue();
    }
}

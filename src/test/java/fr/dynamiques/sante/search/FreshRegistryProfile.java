package fr.dynamiques.sante.search;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Its own application and services, with the demo registry only: rankings and facet counts are asserted on
 * known data, not on what other test classes wrote.
 */
public class FreshRegistryProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "test";
    }
}

package fr.dynamiques.sante.search;

import io.quarkus.test.junit.QuarkusTestProfile;

/** An application and services of its own, filled with the 3,000-scheme synthetic registry. */
public class LargeRegistryProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "test";
    }
}

package fr.dynamiques.sante.search;

import io.quarkus.test.junit.QuarkusTestProfile;

/** An application of its own, on a three-node engine. */
public class EngineClusterProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "test";
    }
}

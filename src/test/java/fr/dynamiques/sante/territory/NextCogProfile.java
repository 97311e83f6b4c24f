package fr.dynamiques.sante.territory;

import io.quarkus.test.junit.QuarkusTestProfile;

/** An application and services of its own: the yearly COG test swaps the referential under the registry. */
public class NextCogProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "test";
    }
}

package fr.dynamiques.sante.outage;

import io.quarkus.test.junit.QuarkusTestProfile;

/** An application and services of its own: the outage test freezes the engine and writes a thousand schemes. */
public class SearchEngineOutageProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "test";
    }
}

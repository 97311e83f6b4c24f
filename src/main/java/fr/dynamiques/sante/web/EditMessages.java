package fr.dynamiques.sante.web;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the edit page: French in messages/ed_fr.properties, English in messages/ed_en.properties. A bundle of
 * its own, as the import pages': the pages' bundle ({@link Messages}) is near the size where Qute's generated resolver
 * stops verifying.
 */
@MessageBundle(value = "ed", locale = "fr")
public interface EditMessages {

    String create_title();

    String create_lead();

    String create_link();

    String errors_title(int count);

    String box(String box);

    String identity();

    String name();

    String kind();

    String choose();

    String ref();

    String ref_hint();

    String status();

    String start();

    String end();

    String website();

    String themes();

    String themes_hint();

    String source();

    String verified();

    String perimeter();

    String places();

    String places_hint();

    String place_add();

    String refresh();

    String choose_place(String given);

    String leave_out();

    String place_unknown(String given, String note);

    String figures(int communes, String population);

    String map_caption(String name);

    String generations();

    String generation();

    String previous();

    String amendment(int n);

    String date();

    String title();

    String summary();

    String cpts();

    String cpts_stage();

    String aci();

    String hospital();

    String hospital_name();

    String hospital_finess();

    String neighbourhoods();

    String neighbourhoods_hint();

    String partners();

    String partners_hint();

    String partner(int n);

    String organisation();

    String organisation_type();

    String type(String type);

    String roles();

    String role(String role);

    String siret();

    String generic_email();

    String phone();

    String address();

    String remove();

    String add_partner();

    String fundings();

    String funding(int n);

    String funder();

    String year();

    String amount();

    String purpose();

    String add_funding();

    String add_amendment();

    String coordinators();

    String coordinators_hint();

    String coordinator(int n);

    String first_name();

    String last_name();

    String function();

    String email();

    String employer();

    String consent();

    String kept(String title);

    String add_coordinator();

    String approach();

    String project_step();

    String assessment();

    String criterion();

    String score();

    String comment();

    String create();

    String propose_link();

    String propose_new();

    String propose_lead();

    String proposed_new(String name);
}

package fr.dynamiques.sante.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the edit page, in French; English in messages/ed_en.properties. A bundle of its own, as the import
 * pages': the pages' bundle ({@link Messages}) is near the size where Qute's generated resolver stops verifying.
 */
@MessageBundle(value = "ed", locale = "fr")
public interface EditMessages {

    @Message("Nouveau dispositif")
    String create_title();

    @Message("Le dispositif est publié dès son enregistrement, et son historique commence. Seuls les champs marqués d'un astérisque (*) sont obligatoires.")
    String create_lead();

    @Message("Créer un dispositif")
    String create_link();

    @Message("{#if count == 1}Une erreur empêche l'enregistrement{#else}{count} erreurs empêchent l'enregistrement{/if} : rien n'a été écrit.")
    String errors_title(int count);

    @Message("{#when box}{#is 'ref'}Référence{#is 'name'}Nom{#is 'kind'}Type{#is 'status'}Statut{#is 'startDate'}Date de début{#is 'endDate'}Date de fin{#is 'description'}Description{#is 'website'}Site web{#is 'themes'}Thématiques{#is 'source'}Source{#is 'lastVerified'}Vérifié le{#is 'places'}Territoire{#is 'generation'}Génération{#is 'previousRef'}Contrat précédent{#is 'amendments'}Avenant{#is 'cptsStage'}Étape{#is 'aciDate'}Date de l'ACI{#is 'coCarryingHospital.name'}Établissement co-porteur{#is 'coCarryingHospital.finess'}FINESS de l'établissement{#is 'priorityNeighbourhoods'}Quartiers prioritaires{#is 'partners'}Partenaire{#is 'fundings'}Financement{#is 'coordinators'}Coordinateur·rice{#is 'projectStep'}Étape de la démarche{#is 'approach'}Auto-évaluation{#else}Dispositif{/when}")
    String box(String box);

    @Message("Le dispositif")
    String identity();

    @Message("Nom *")
    String name();

    @Message("Type *")
    String kind();

    @Message("— choisir —")
    String choose();

    @Message("Référence")
    String ref();

    @Message("Votre clé stable, unique dans le registre (lettres, chiffres, tirets) ; laissée vide, elle est formée du type et du nom")
    String ref_hint();

    @Message("Statut *")
    String status();

    @Message("Date de début")
    String start();

    @Message("Date de fin")
    String end();

    @Message("Site web")
    String website();

    @Message("Thématiques")
    String themes();

    @Message("séparées par des virgules")
    String themes_hint();

    @Message("Source des informations (adresse web)")
    String source();

    @Message("Vérifié auprès de la source le")
    String verified();

    @Message("Territoire *")
    String perimeter();

    @Message("Communes, intercommunalités (EPCI) et départements couverts")
    String places();

    @Message("Un par ligne, en toutes lettres ou par leur code : « Échirolles », « CA Grenoble-Alpes Métropole », « Isère », « 38151 ». Un nom porté par plusieurs territoires se précise avec le département entre parenthèses : « Saint-Martin (38) ».")
    String places_hint();

    @Message("Ajouter un territoire")
    String place_add();

    @Message("Mettre à jour le territoire et la carte")
    String refresh();

    @Message("« {given} » : lequel ?")
    String choose_place(String given);

    @Message("le retirer")
    String leave_out();

    @Message("« {given} » : {note}")
    String place_unknown(String given, String note);

    @Message("{communes} commune(s), {population} habitant(s)")
    String figures(int communes, String population);

    @Message("Le territoire tel qu'il est lu : {name}")
    String map_caption(String name);

    @Message("Générations et avenants")
    String generations();

    @Message("Génération (1 pour un premier contrat)")
    String generation();

    @Message("Référence du contrat précédent")
    String previous();

    @Message("Avenant {n}")
    String amendment(int n);

    @Message("Date")
    String date();

    @Message("Titre")
    String title();

    @Message("Résumé")
    String summary();

    @Message("Parcours de la CPTS")
    String cpts();

    @Message("Étape atteinte")
    String cpts_stage();

    @Message("Date de signature de l'ACI")
    String aci();

    @Message("Établissement co-porteur (CLSM)")
    String hospital();

    @Message("Nom de l'établissement")
    String hospital_name();

    @Message("FINESS (9 caractères)")
    String hospital_finess();

    @Message("Quartiers prioritaires (ASV)")
    String neighbourhoods();

    @Message("Codes des quartiers (QPV), séparés par des virgules, comme QN09101M")
    String neighbourhoods_hint();

    @Message("Partenaires")
    String partners();

    @Message("Porteur, signataires, financeurs, partenaires, employeurs. Leur site, adresse générique, téléphone et adresse postale sont publics : jamais ceux d'une personne.")
    String partners_hint();

    @Message("Partenaire {n}")
    String partner(int n);

    @Message("Nom de l'organisation")
    String organisation();

    @Message("Nature")
    String organisation_type();

    @Message("{#when type}{#is 'ARS'}ARS{#is 'COMMUNE'}commune{#is 'EPCI'}intercommunalité{#is 'DEPARTMENT'}département{#is 'REGION'}région{#is 'STATE'}État, préfecture{#is 'CPAM'}Assurance maladie{#is 'HOSPITAL'}établissement de santé{#is 'ASSOCIATION'}association{#is 'OTHER'}autre{#else}{type}{/when}")
    String type(String type);

    @Message("Rôles")
    String roles();

    @Message("{#when role}{#is 'CARRIER'}porteur{#is 'SIGNATORY'}signataire{#is 'FUNDER'}financeur{#is 'PARTNER'}partenaire{#is 'EMPLOYER'}employeur{#else}{role}{/when}")
    String role(String role);

    @Message("SIRET")
    String siret();

    @Message("Courriel générique")
    String generic_email();

    @Message("Téléphone")
    String phone();

    @Message("Adresse postale")
    String address();

    @Message("Retirer cette ligne")
    String remove();

    @Message("Ajouter un partenaire")
    String add_partner();

    @Message("Financements")
    String fundings();

    @Message("Financement {n}")
    String funding(int n);

    @Message("Financeur")
    String funder();

    @Message("Année")
    String year();

    @Message("Montant (euros)")
    String amount();

    @Message("Objet")
    String purpose();

    @Message("Ajouter un financement")
    String add_funding();

    @Message("Ajouter un avenant")
    String add_amendment();

    @Message("Coordination")
    String coordinators();

    @Message("Des données personnelles : le nom, le courriel et le téléphone ne sont publiés qu'avec l'accord de la personne, que vous cochez ici seulement si elle l'a donné.")
    String coordinators_hint();

    @Message("Coordinateur·rice {n}")
    String coordinator(int n);

    @Message("Prénom")
    String first_name();

    @Message("Nom")
    String last_name();

    @Message("Fonction")
    String function();

    @Message("Courriel professionnel")
    String email();

    @Message("Employeur")
    String employer();

    @Message("La personne accepte que son nom, son courriel et son téléphone soient publiés")
    String consent();

    @Message("{title} : ses coordonnées ne sont pas publiées et ne vous sont pas montrées ; elle reste sur la fiche telle qu'enregistrée.")
    String kept(String title);

    @Message("Ajouter un·e coordinateur·rice")
    String add_coordinator();

    @Message("Démarche")
    String approach();

    @Message("Étape du projet")
    String project_step();

    @Message("Auto-évaluation, de 0 à 3")
    String assessment();

    @Message("Critère")
    String criterion();

    @Message("Note")
    String score();

    @Message("Commentaire")
    String comment();

    @Message("Créer le dispositif")
    String create();

    @Message("Proposer un nouveau dispositif")
    String propose_link();

    @Message("Proposer ce dispositif")
    String propose_new();

    @Message("Le dispositif sera proposé à l'ARS de sa région, et publié une fois validé ; vous en serez alors coordinateur·rice dans l'annuaire. Seuls les champs marqués d'un astérisque (*) sont obligatoires.")
    String propose_lead();

    @Message("Nouveau dispositif proposé : {name}")
    String proposed_new(String name);
}

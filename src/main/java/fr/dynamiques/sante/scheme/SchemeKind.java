package fr.dynamiques.sante.scheme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A kind of scheme (ASV, CLS, CLSM, CPTS...). A row of data: new kinds need no code or schema change. */
@Entity
@Table(name = "scheme_kind")
public class SchemeKind extends PanacheEntityBase {

    @Id
    public String code;

    public String labelFr;

    public String labelEn;

    /** Names of {@link KindFeature}s; unknown names are ignored. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(40)[]")
    public List<String> features = new ArrayList<>();

    public static Optional<SchemeKind> findByCode(String code) {
        return code == null ? Optional.empty() : findByIdOptional(code);
    }

    /** Every kind, by code: what validation and filters check kinds against. */
    public static Map<String, SchemeKind> byCode() {
        return SchemeKind.<SchemeKind> listAll().stream().collect(Collectors.toMap(k -> k.code, Function.identity()));
    }

    public static List<SchemeKind> listByCode() {
        return list("order by code");
    }

    public boolean has(KindFeature feature) {
        return features.contains(feature.name());
    }
}

package fr.dynamiques.sante.scheme;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import fr.dynamiques.sante.organisation.Organisation;
import fr.dynamiques.sante.organisation.PartnerRole;

/** An organisation's part in one scheme, with its roles. */
@Embeddable
public class Partnership {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(12)[]")
    public List<String> roles = new ArrayList<>();

    public Partnership() {
    }

    public Partnership(Organisation organisation, List<PartnerRole> roles) {
        this.organisation = organisation;
        roles.forEach(this::add);
    }

    public void add(PartnerRole role) {
        if (!roles.contains(role.name())) {
            roles.add(role.name());
        }
    }

    public List<PartnerRole> roleList() {
        return roles.stream().map(PartnerRole::valueOf).toList();
    }
}

package io.chorus.coding.exchange.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A coding an import brought, by its key (coder, round, selection and coding GUIDs), so that a re-import adds nothing. */
@Entity
@Table(name = "refi_imported_coding")
public class RefiImportedCoding extends PanacheEntityBase {

    @Id
    @Column(name = "import_key")
    public String importKey;

    @Column(name = "coding_id")
    public UUID codingId;

    @Column(name = "import_id")
    public UUID importId;
}

package io.chorus.coding.codebook.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import java.util.UUID;

/** One code of a codebook tree. Its id survives renames and moves; merged or split codes are retired. */
@Entity
@Table(name = "code")
public class Code extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "codebook_id")
    public UUID codebookId;

    @Column(name = "parent_id")
    public UUID parentId;

    /** The id the code had where it was imported from (e.g. "CFIR-2.1"), if any. */
    public String key;

    public String name;
    public String definition;
    public String inclusion;
    public String exclusion;
    public String example;
    public String colour;
    public String origin;

    @Column(name = "framework_ref")
    public String frameworkRef;

    public boolean codable;
    public int position;

    @Column(name = "added_in")
    public int addedIn;

    @Column(name = "retired_in")
    public Integer retiredIn;

    @Column(name = "merged_into")
    public UUID mergedInto;

    /** Set on a group whose codes are mutually exclusive categories: nominal, ordinal, interval or ratio. */
    @Column(name = "variable_level")
    public String variableLevel;

    /** A category's value: its place for an ordinal variable, its number for an interval or ratio one. */
    @Column(name = "category_value")
    public Double categoryValue;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public boolean active() {
        return retiredIn == null;
    }

    public static List<Code> activeOf(UUID codebookId) {
        return list("codebookId = ?1 and retiredIn is null order by position, name", codebookId);
    }
}

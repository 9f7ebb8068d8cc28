package io.chorus.deploy;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Set;

/**
 * The H2 backend commits lazily, so acknowledged writes could vanish in a crash. This one commits
 * and syncs the store after every write command before the client gets its acknowledgement.
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
            "create", "drop", "createindexes", "dropindexes", "dropdatabase", "renamecollection");

    DurableH2Backend(String file) {
        super(file);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document result = super.handleCommand(channel, databaseName, command, query);
        if (WRITE_COMMANDS.contains(command.toLowerCase())) {
            synchronized (this) {
                commit();
                getMvStore().sync();
            }
        }
        return result;
    }
}

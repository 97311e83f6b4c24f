import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Scanner;

/**
 * The benchmarks' client of an API call and, straight to PostgreSQL, of the statements that call was seen to make:
 * both timed from the same JVM, round after round, so that neither side pays a slower client. Its JDBC connection is
 * the application's kind (the PostgreSQL driver the build ships, prepared statements, a transaction per round) and
 * its HTTP connection (the JDK's plain HttpURLConnection: its HttpClient added about a millisecond of thread hand-offs
 * per call) is kept alive, as a partner's would be.
 * <p>
 * Usage: {@code java -cp target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar src/bench/DirectClient.java <jdbc url>};
 * then one command per line on standard input, each answered by one line on standard output:
 * <ul>
 * <li>{@code exec <sql>}: runs one statement; answers {@code ok} or the first column of its first row;</li>
 * <li>{@code compare <url> <file> <rounds> <warm-up rounds>}: each round, a GET of the URL, then the statements of
 * the file, all in order in one transaction as the application's endpoint does, their answers read to the end;
 * answers the timed rounds' milliseconds of the API, a space, the statements'. The file holds statements, one per
 * line, tab-separated: the SQL (newlines written as \n) then its parameters as {@code JDBC type=value}.</li>
 * </ul>
 */
public class DirectClient {

    record Statement(String sql, List<String> parameters) {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], "postgres", "");
                Scanner in = new Scanner(System.in)) {
            while (in.hasNextLine()) {
                String line = in.nextLine();
                if (line.startsWith("exec ")) {
                    System.out.println(run(connection, new Statement(line.substring(5), List.of())));
                } else if (line.startsWith("compare ")) {
                    String[] words = line.split(" ");
                    URL get = URI.create(words[1]).toURL();
                    List<Statement> statements = read(Path.of(words[2]));
                    int rounds = Integer.parseInt(words[3]);
                    int warmUp = Integer.parseInt(words[4]);
                    List<String> api = new ArrayList<>();
                    List<String> sql = new ArrayList<>();
                    for (int round = 0; round < warmUp + rounds; round++) {
                        long start = System.nanoTime();
                        HttpURLConnection call = (HttpURLConnection) get.openConnection();
                        int status = call.getResponseCode();
                        try (InputStream body = call.getInputStream()) {
                            body.readAllBytes(); // read to the end: the connection is kept alive for the next round
                        }
                        double elapsed = System.nanoTime() - start;
                        if (status != 200) {
                            throw new IllegalStateException(words[1] + ": HTTP " + status);
                        }
                        double replayed = replay(connection, statements);
                        if (round >= warmUp) {
                            api.add(milliseconds(elapsed));
                            sql.add(milliseconds(replayed));
                        }
                    }
                    System.out.println(String.join(",", api) + " " + String.join(",", sql));
                } else {
                    System.out.println("unknown command");
                }
                System.out.flush();
            }
        }
    }

    /** Nanoseconds to run the statements in one transaction. */
    private static double replay(Connection connection, List<Statement> statements) throws Exception {
        connection.setAutoCommit(false);
        long start = System.nanoTime();
        for (Statement statement : statements) {
            run(connection, statement);
        }
        connection.commit();
        double elapsed = System.nanoTime() - start;
        connection.setAutoCommit(true);
        return elapsed;
    }

    private static String milliseconds(double nanoseconds) {
        return String.format(Locale.ROOT, "%.3f", nanoseconds / 1e6);
    }

    private static List<Statement> read(Path file) throws Exception {
        List<Statement> statements = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] fields = line.split("\t", -1);
            List<String> parameters = new ArrayList<>();
            for (int i = 1; i < fields.length; i++) {
                parameters.add(fields[i].replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\"));
            }
            statements.add(new Statement(fields[0].replace("\\n", "\n"), parameters));
        }
        return statements;
    }

    /** Runs one statement the way the application does: a prepared statement, its parameters typed as Hibernate bound them. */
    private static String run(Connection connection, Statement statement) throws Exception {
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            for (int i = 0; i < statement.parameters().size(); i++) {
                String parameter = statement.parameters().get(i);
                String type = parameter.substring(0, parameter.indexOf('='));
                String value = parameter.substring(parameter.indexOf('=') + 1);
                switch (type) {
                    case "VARCHAR" -> prepared.setString(i + 1, value);
                    case "BIGINT" -> prepared.setLong(i + 1, Long.parseLong(value));
                    case "INTEGER" -> prepared.setInt(i + 1, Integer.parseInt(value));
                    default -> prepared.setObject(i + 1, value, Types.OTHER);
                }
            }
            if (!prepared.execute()) {
                return "ok";
            }
            String first = null;
            try (ResultSet rows = prepared.getResultSet()) {
                while (rows.next()) {
                    if (first == null) {
                        first = rows.getString(1);
                    }
                }
            }
            return String.valueOf(first);
        }
    }
}

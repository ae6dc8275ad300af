package io.ringside.adapters.persistence;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * A year of intakes for the search benchmark, made up the same way on every run ({@code seed}) and written
 * with JDBC batches, in the order they were saved (as a year of use writes them).
 *
 * <p>The shape of a year at a small answering service: saved on weekdays in office hours (Phoenix time);
 * {@code numbers} distinct callers, each at least once; {@value #REGULARS} regulars share a tenth of the
 * intakes (a couple of hundred each, the longest number searches); the rest repeat along a long tail.
 * A caller keeps their name, but one intake in seven has none typed; notes of about 100 characters; most
 * intakes came from a RingCentral call; a handful of operators, and the oldest twelfth saved before people
 * had accounts (no operator id).
 */
final class IntakeSeed {

    static final int REGULARS = 50;
    private static final int BATCH = 1_000;
    private static final int COMMIT_EVERY = 10_000;
    private static final ZoneId OFFICE = ZoneId.of("America/Phoenix");
    private static final LocalTime OPENS = LocalTime.of(8, 0);
    private static final long OPEN_MICROS = ChronoUnit.MICROS.between(OPENS, LocalTime.of(18, 0));

    private static final String[] FIRST = {"Jane", "John", "Maria", "Luis", "Aisha", "Wei", "Olga", "Peter", "Fatima",
            "Carlos", "Emma", "Noah", "Priya", "Tom", "Sofia", "Ahmed", "Grace", "Ivan", "Mei", "Daniel", "Rosa", "Kofi",
            "Hannah", "Mateo", "Yuki", "Leila", "Sam", "Chloe", "Omar", "Nina"};
    private static final String[] LAST = {"Doe", "Smith", "Lopez", "Garcia", "Nguyen", "Chen", "Ivanova", "Müller", "Khan",
            "Rossi", "Johnson", "Williams", "Patel", "O'Brien", "Kowalski", "Haddad", "Kim", "Petrov", "Wong", "Brown",
            "Martinez", "Mensah", "Schmidt", "Fernandez", "Tanaka", "Rahimi", "Taylor", "Dubois", "Aziz", "Novak",
            "Anderson", "Jackson", "White", "Harris", "Clark", "Lewis", "Walker", "Young", "Allen", "King"};
    private static final String[] NOTE_PARTS = {"Called about the invoice from last month", "wants a call back after 3 pm",
            "asked for the manager", "new address on file", "prefers email", "appointment moved to Thursday",
            "reported a leak in unit 4B", "needs a quote for the spring service", "was charged twice",
            "will fax the signed form", "asked whether we are open on Saturday", "follow-up on ticket",
            "left a message for Dr. Patel", "gate code changed", "urgent: no heating", "referral from a neighbour",
            "spoke Spanish, transferred to Luis", "confirmed the delivery window", "cancelling, moving out of state"};
    private static final String[][] OPERATORS = {
            {"0b6f2a4e-1c1d-4a8e-9f3a-6a1e2d3c4b01", "Maria Lopez"},
            {"0b6f2a4e-1c1d-4a8e-9f3a-6a1e2d3c4b02", "Tom Becker"},
            {"0b6f2a4e-1c1d-4a8e-9f3a-6a1e2d3c4b03", "Aisha Rahman"},
            {"0b6f2a4e-1c1d-4a8e-9f3a-6a1e2d3c4b04", "Kofi Mensah"},
            {"0b6f2a4e-1c1d-4a8e-9f3a-6a1e2d3c4b05", "Yuki Sato"},
            {"0b6f2a4e-1c1d-4a8e-9f3a-6a1e2d3c4b06", "Olive Operator"}};

    /** The columns {@link JdbcIntakeStore#save} writes, with the values it writes: a lower-cased name, version 1. */
    private static final String INSERT = """
            INSERT INTO intake (id, caller_name, caller_name_lower, phone, notes, telephony_session_id,
                                operator_id, operator, saved_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""";

    private final long seed;
    private final int intakes;
    private final String[] numbers;
    private final String[] names;
    private final Instant end;

    IntakeSeed(long seed, int intakes, int distinctNumbers, Instant end) {
        if (distinctNumbers <= REGULARS * 2 || intakes < distinctNumbers * 2) {
            throw new IllegalArgumentException("Too few intakes for " + distinctNumbers + " numbers: " + intakes);
        }
        this.seed = seed;
        this.intakes = intakes;
        this.end = end;
        Random random = new Random(seed);
        this.numbers = distinctNumbers(random, distinctNumbers);
        this.names = new String[distinctNumbers];
        for (int i = 0; i < distinctNumbers; i++) {
            names[i] = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
        }
    }

    int intakes() {
        return intakes;
    }

    /** Every number that has intakes, E.164; the first {@value #REGULARS} are the regulars. */
    List<String> numbers() {
        return List.of(numbers);
    }

    List<String> regulars() {
        return List.of(numbers).subList(0, REGULARS);
    }

    /** A number nobody called from (another exchange than every seeded number). */
    static String unknownNumber(Random random) {
        return "+1480555" + String.format("%04d", random.nextInt(10_000));
    }

    /** Part of a surname callers have, lower case, as someone would type it into the name filter. */
    static String namePart(Random random) {
        String last = LAST[random.nextInt(LAST.length)];
        return last.substring(0, Math.min(4, last.length())).toLowerCase(Locale.ROOT);
    }

    /** Inserts the intakes into an empty, migrated {@code intake} table. */
    void insert(DataSource dataSource) throws SQLException {
        Random random = new Random(seed + 1);
        Instant[] savedAt = savedAt(random);
        int[] caller = callers(random);
        int beforeAccounts = intakes / 12;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                for (int i = 0; i < intakes; i++) {
                    int who = caller[i];
                    String[] operator = OPERATORS[operator(random)];
                    String name = random.nextInt(7) == 0 ? null : names[who];
                    s.setObject(1, new UUID(random.nextLong(), random.nextLong()));
                    s.setString(2, name);
                    s.setString(3, name == null ? null : name.toLowerCase(Locale.ROOT));
                    s.setString(4, numbers[who]);
                    s.setString(5, note(random));
                    s.setString(6, random.nextInt(10) < 7 ? "s-" + Long.toHexString(random.nextLong()) : null);
                    s.setObject(7, i < beforeAccounts ? null : UUID.fromString(operator[0]));
                    s.setString(8, operator[1]);
                    s.setObject(9, Timestamps.stored(savedAt[i]), Types.TIMESTAMP_WITH_TIMEZONE);
                    s.addBatch();
                    if ((i + 1) % BATCH == 0) {
                        s.executeBatch();
                    }
                    if ((i + 1) % COMMIT_EVERY == 0) {
                        c.commit();
                    }
                }
                s.executeBatch();
                c.commit();
            }
        }
    }

    private static String[] distinctNumbers(Random random, int count) {
        // Phoenix area codes, real-looking exchanges; 480-555 is kept free for the unknown numbers.
        String[] areas = {"602", "480", "623", "520", "928"};
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        while (seen.size() < count) {
            String area = areas[random.nextInt(areas.length)];
            int exchange = 200 + random.nextInt(800);
            if (area.equals("480") && exchange == 555) {
                continue;
            }
            seen.add("+1" + area + exchange + String.format("%04d", random.nextInt(10_000)));
        }
        return seen.toArray(String[]::new);
    }

    /** When each intake was saved, oldest first: weekdays, office hours, over the 365 days before {@code end}. */
    private Instant[] savedAt(Random random) {
        LocalDate last = LocalDate.ofInstant(end, OFFICE).minusDays(1);
        Instant[] at = new Instant[intakes];
        for (int i = 0; i < intakes; i++) {
            LocalDate day;
            do {
                day = last.minusDays(random.nextInt(365));
            } while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY);
            at[i] = day.atTime(OPENS).atZone(OFFICE).toInstant().plus(random.nextLong(OPEN_MICROS), ChronoUnit.MICROS);
        }
        Arrays.sort(at);
        return at;
    }

    /**
     * Which caller each intake is for: every number once, the regulars a tenth of all intakes between them
     * (skewed, so some have several hundred), the rest along a long tail; shuffled over the year.
     */
    private int[] callers(Random random) {
        int[] who = new int[intakes];
        int n = 0;
        for (int i = REGULARS; i < numbers.length; i++) {
            who[n++] = i;
        }
        int regularIntakes = intakes / 10;
        for (int i = 0; i < regularIntakes && n < intakes; i++) {
            who[n++] = (int) (REGULARS * Math.pow(random.nextDouble(), 1.5));
        }
        int others = numbers.length - REGULARS;
        while (n < intakes) {
            who[n++] = REGULARS + (int) (others * Math.pow(random.nextDouble(), 1.5));
        }
        for (int i = intakes - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = who[i];
            who[i] = who[j];
            who[j] = t;
        }
        return who;
    }

    private static int operator(Random random) {
        // Two full-timers take most calls.
        int r = random.nextInt(10);
        return r < 3 ? 0 : r < 6 ? 1 : 2 + random.nextInt(OPERATORS.length - 2);
    }

    private static String note(Random random) {
        StringBuilder note = new StringBuilder();
        while (note.length() < 90) {
            if (!note.isEmpty()) {
                note.append(random.nextBoolean() ? "; " : ". ");
            }
            note.append(NOTE_PARTS[random.nextInt(NOTE_PARTS.length)]);
        }
        return note.length() > 120 ? note.substring(0, 120) : note.toString();
    }
}

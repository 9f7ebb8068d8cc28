package io.chorus.deploy.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chorus.deploy.ChorusClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated study for the assistant's learning curve: twenty codes of a peer-support implementation study, each with a
 * definition and phrases people use about it. A paragraph speaks about its code in one or two of its phrases, more often
 * than not beside a phrase of another code, with small talk around; and one paragraph in ten carries another code than
 * the one it speaks most about, as coders disagree. No single word gives the code away, and no model can reach 100 %.
 */
final class SyntheticStudy {

    record Topic(String code, String definition, String[] phrases) {
    }

    static final Topic[] TOPICS = {
        new Topic("Funding", "Money for the programme: budgets, grants, salaries", new String[] {"the grant money ran out", "nobody pays the peer workers a proper wage",
            "the budget for next year was cut", "we had to find funds for the salaries", "the health insurance will not cover peer support"}),
        new Topic("Staff resistance", "Clinical staff who reject or distrust peer workers", new String[] {"the nurses would not work with the peers",
            "some doctors think peers are not professionals", "the team ignored what the peer worker said", "staff were suspicious of the new role",
            "a psychiatrist refused to share the case notes"}),
        new Topic("Training", "How peer workers are prepared for the role", new String[] {"the training course lasted five days",
            "the module taught us to tell our recovery story", "after the course I felt ready", "we practised boundaries in role plays",
            "the trainers came from another country"}),
        new Topic("Supervision", "Ongoing supervision and support of peer workers", new String[] {"my supervisor meets me every week",
            "there was nobody to talk to after a hard day", "the intervision group helps a lot", "supervision should be done by a peer",
            "I call my mentor when a client relapses"}),
        new Topic("Role clarity", "What a peer worker does and does not do", new String[] {"nobody knew what my job actually was",
            "they asked me to do the cleaning", "my tasks were never written down", "I am not a therapist and should not act like one",
            "the job description changed every month"}),
        new Topic("Stigma", "Prejudice against people with mental illness", new String[] {"people in the village call us mad",
            "my family hid my diagnosis", "neighbours avoid people who have been in hospital", "employers do not hire someone with a diagnosis",
            "the word for mental illness is an insult here"}),
        new Topic("Recovery", "Service users' hope and progress", new String[] {"seeing the peer gave me hope", "I started to believe I could get better",
            "she showed me that recovery is possible", "I went back to work after a year", "life has meaning again"}),
        new Topic("Disclosure", "Sharing one's own experience of illness", new String[] {"I told the client about my own breakdown",
            "sharing my story felt risky", "how much of my past should I reveal", "the patients trusted me once they knew my history",
            "I regret telling my colleagues about my diagnosis"}),
        new Topic("Burnout", "Strain and exhaustion of peer workers", new String[] {"I was exhausted after every shift", "the work brought back my own symptoms",
            "I had to take sick leave", "there are too many clients for one peer", "I cannot switch off at night"}),
        new Topic("Leadership", "Managers who support or block the programme", new String[] {"the head of the clinic backed us from the start",
            "management never came to our meetings", "our director made peer support a priority", "the manager left and the new one did not care",
            "leadership promised offices that never came"}),
        new Topic("Families", "Relatives of service users", new String[] {"the mother called me every day", "families want to be included in the sessions",
            "relatives were afraid of the peer worker", "the brother brought him to the appointment", "carers need support too"}),
        new Topic("Medication", "Drugs, side effects and adherence", new String[] {"the tablets made me sleepy all day", "he stopped taking his medication",
            "side effects were never explained", "the doctor changed the dose again", "pills alone did not help me"}),
        new Topic("Community outreach", "Work outside the clinic, in homes and villages", new String[] {"we visited clients at home", "the peer walked to the villages",
            "meetings were held in the community centre", "outreach reached people who never come to hospital", "we ran a stall at the market"}),
        new Topic("Culture", "Local beliefs and traditions about illness", new String[] {"people first go to the traditional healer",
            "spirits are blamed for the illness", "prayer camps are common here", "our culture does not talk about feelings", "the elders decide what is done"}),
        new Topic("Documentation", "Records, forms and paperwork", new String[] {"the forms take hours every week", "I do not know what to write in the file",
            "the records system does not have a field for peer work", "paperwork keeps me from the clients", "the notes are in a language I cannot write"}),
        new Topic("Team meetings", "Peer workers in multidisciplinary team meetings", new String[] {"I was not invited to the ward round",
            "in the team meeting nobody asked my opinion", "now I present my clients at the case conference", "the meetings are at times when I work elsewhere",
            "the team listens to me more since last spring"}),
        new Topic("Crisis", "Acute crises and emergencies", new String[] {"a client tried to end his life", "we called the ambulance at night",
            "the crisis plan did not work", "after the emergency nobody debriefed me", "I sat with her until the crisis team came"}),
        new Topic("Peer network", "Peer workers supporting each other", new String[] {"the peers meet every month to share", "our chat group is a lifeline",
            "I learned most from the other peer workers", "the network across sites keeps us going", "we visit each other's clinics"}),
        new Topic("Policy", "Laws and national health policy", new String[] {"the ministry has no policy on peer work", "the new mental health law mentions peers",
            "peer work is not a recognised profession", "national guidelines ignore lived experience", "the government plan ends next year"}),
        new Topic("Physical space", "Rooms, offices and places to work", new String[] {"there was no room to meet clients", "I share a desk with three people",
            "the peer office is in the basement", "we meet clients in the garden", "the waiting room is too noisy to talk"})};

    private static final String[] SMALL_TALK = {"Well, you know.", "I mean, that is how it was.", "It is hard to say.", "Yes.", "Let me think.",
        "That was last year.", "Many things happened.", "To be honest,", "As I said before,", "Okay."};

    /** Paragraph n of a transcript: its text and the index of its code. */
    record Paragraph(String text, int topic) {
    }

    private final Random random;

    SyntheticStudy(long seed) {
        random = new Random(seed);
    }

    /** The codebook as the import format: one flat group of codable codes. */
    static ObjectNode codebook(String name) {
        ObjectNode codebook = ChorusClient.JSON.createObjectNode().put("name", name).put("origin", "deductive");
        ArrayNode codes = codebook.putArray("codes");
        for (Topic topic : TOPICS) {
            codes.addObject().put("name", topic.code()).put("definition", topic.definition()).put("codable", true);
        }
        return codebook;
    }

    List<Paragraph> transcript(int paragraphs) {
        List<Paragraph> transcript = new ArrayList<>();
        for (int n = 0; n < paragraphs; n++) {
            int topic = random.nextInt(TOPICS.length);
            String[] phrases = TOPICS[topic].phrases();
            List<String> sentences = new ArrayList<>();
            int first = random.nextInt(phrases.length);
            sentences.add(capital(phrases[first]) + ".");
            if (random.nextDouble() < 0.4) {
                sentences.add("And " + phrases[(first + 1 + random.nextInt(phrases.length - 1)) % phrases.length] + ".");
            }
            int other = (topic + 1 + random.nextInt(TOPICS.length - 1)) % TOPICS.length;
            if (random.nextDouble() < 0.6) {
                sentences.add(random.nextInt(sentences.size() + 1), capital(pick(TOPICS[other].phrases())) + ".");
            }
            sentences.add(0, pick(SMALL_TALK));
            transcript.add(new Paragraph(String.join(" ", sentences), random.nextDouble() < 0.1 ? other : topic));
        }
        return transcript;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String capital(String phrase) {
        return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }
}

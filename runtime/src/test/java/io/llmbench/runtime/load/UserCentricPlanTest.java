package io.llmbench.runtime.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class UserCentricPlanTest {

    @Test
    void fifteenUsersOfTwentyTurnsStartAsInAiperfsDocumentedExample() {
        // AIPerf's user-centric strategy documents this start for 15 users, 20 turns: by start order,
        // the turns each user has left (the fresh user that replaces user 1 sends all 20).
        Map<Integer, Integer> turnsByOrder = new TreeMap<>();
        for (UserCentricPlan.StartingUser user : UserCentricPlan.startingUsers(15, 20)) {
            turnsByOrder.put(user.order(), user.turns());
        }
        List<Integer> turns = new ArrayList<>(turnsByOrder.values());
        assertEquals(List.of(UserCentricPlan.ALL_TURNS, 6, 11, 16, 2, 7, 12, 17, 3, 8, 13, 18, 4, 9, 14), turns);
    }

    @Test
    void aCommonFactorOfUsersAndLifetimeStillGivesEveryUserItsOwnStartSlot() {
        // 3 users, 4 turns: lifetime 3 shares the factor 3 with the users; a coprime step spreads them.
        List<UserCentricPlan.StartingUser> users = UserCentricPlan.startingUsers(3, 4);
        assertEquals(List.of(new UserCentricPlan.StartingUser(1, 1), new UserCentricPlan.StartingUser(2, 2),
                new UserCentricPlan.StartingUser(UserCentricPlan.ALL_TURNS, 0)), users);
        assertEquals(2, UserCentricPlan.coprimeStep(3));
        assertEquals(3, UserCentricPlan.coprimeStep(4));
    }
}

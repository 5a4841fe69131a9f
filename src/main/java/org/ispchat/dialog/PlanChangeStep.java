package org.ispchat.dialog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ispchat.chat.Clip;
import org.ispchat.chat.Reply;
import org.ispchat.splynx.AccountChanges;
import org.ispchat.splynx.Plan;
import org.ispchat.splynx.PlanChange;
import org.ispchat.splynx.PlanChangeRefused;
import org.ispchat.splynx.SplynxAccounts;
import org.ispchat.splynx.Subscription;

/**
 * Option 4: change plan. Lists only the plans the billing system offers this customer, asks for a
 * confirmation that shows the old and new plan, price and start date, and changes nothing until the
 * customer confirms. The change's reference is fixed when the plan is picked, so confirming twice
 * (or a retried confirmation) can never make a second change.
 */
@ApplicationScoped
public class PlanChangeStep implements Step {

  static final String PICK = "plan";
  static final String CONFIRM = "plan-confirm";

  /** A WhatsApp list holds at most ten rows. */
  static final int MAX_PLANS = 10;

  @Inject SplynxAccounts accounts;
  @Inject AccountChanges changes;

  @Override
  public String name() {
    return PICK;
  }

  @Override
  public List<Reply> start(Turn turn) {
    BotTexts t = turn.texts();
    Optional<Subscription> current = current(turn);
    if (current.isEmpty()) {
      turn.restart();
      return List.of(new Reply.Text(t.get("plan.none")));
    }
    List<Plan> offered = offered(turn, current.get());
    if (offered.isEmpty()) {
      turn.restart();
      return List.of(new Reply.Text(t.get("plan.no-offers")));
    }
    turn.moveTo(PICK, null);
    List<Reply.Option> rows = new ArrayList<>();
    for (Plan p : offered) {
      rows.add(new Reply.Option("plan." + p.id(), Clip.withEllipsis(p.name(), 24), line(turn, p)));
    }
    String body = t.format("plan.list", line(turn, current.get().plan(), current.get().price()));
    return List.of(new Reply.Menu(body, t.get("plan.button"), rows));
  }

  @Override
  public Optional<List<Reply>> answer(Turn turn) {
    if (CONFIRM.equals(turn.step())) {
      return confirm(turn);
    }
    Optional<Subscription> current = current(turn);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    List<Plan> offered = offered(turn, current.get());
    Optional<Plan> picked = picked(turn, offered);
    if (picked.isEmpty()) {
      return Optional.empty();
    }
    Subscription s = current.get();
    Plan p = picked.get();
    LocalDate from = accounts.earliestPlanChange(s);
    StepData data =
        StepData.empty()
            .with("sub", s.id())
            .with("old", s.plan().name())
            .with("oldPlan", s.plan().id())
            .with("plan", p.id())
            .with("name", p.name())
            .with("down", Long.toString(p.downloadKbps()))
            .with("up", Long.toString(p.uploadKbps()))
            .with("price", p.price().toPlainString())
            .with("from", from.toString())
            .with("ref", turn.reference());
    turn.moveTo(CONFIRM, data.toString());
    BotTexts t = turn.texts();
    String body =
        t.format(
            "plan.confirm",
            line(turn, s.plan(), s.price()),
            line(turn, p),
            turn.formats().date(from));
    return Optional.of(
        List.of(
            new Reply.Buttons(
                body,
                List.of(
                    new Reply.Option("plan.confirm", t.get("button.confirm"), null),
                    new Reply.Option("plan.cancel", t.get("button.cancel"), null)))));
  }

  private Optional<List<Reply>> confirm(Turn turn) {
    BotTexts t = turn.texts();
    String n = turn.normal();
    boolean yes = "plan.confirm".equals(turn.choice()) || Words.isYes(n) || "1".equals(n);
    boolean no = "plan.cancel".equals(turn.choice()) || Words.isNo(n) || "2".equals(n);
    if (!yes && !no) {
      return Optional.empty();
    }
    StepData data = StepData.parse(turn.data());
    turn.restart();
    if (no) {
      return Optional.of(List.of(new Reply.Text(t.get("plan.cancelled"))));
    }
    return Optional.of(List.of(new Reply.Text(change(turn, data))));
  }

  private String change(Turn turn, StepData data) {
    Plan oldPlan = new Plan(data.get("oldPlan"), data.get("old"), 0, 0, BigDecimal.ZERO);
    Subscription s =
        new Subscription(data.get("sub"), turn.account().id(), oldPlan, null, null, null, null);
    Plan plan =
        new Plan(
            data.get("plan"),
            data.get("name"),
            Long.parseLong(data.get("down")),
            Long.parseLong(data.get("up")),
            new BigDecimal(data.get("price")));
    LocalDate from = LocalDate.parse(data.get("from"));
    BotTexts t = turn.texts();
    try {
      PlanChange made = changes.changePlan(s, plan, from, data.get("ref"), turn.requestedBy());
      return t.format("plan.changed", plan.name(), turn.formats().date(made.from()));
    } catch (PlanChangeRefused refused) {
      return t.get("plan.refused");
    }
  }

  private Optional<Subscription> current(Turn turn) {
    List<Subscription> subscriptions =
        turn.once("subscriptions", () -> accounts.subscriptions(turn.account().id()));
    return subscriptions.stream().findFirst();
  }

  private List<Plan> offered(Turn turn, Subscription s) {
    List<Plan> plans =
        turn.once("offered:" + s.id(), () -> accounts.plansOffered(turn.account(), s));
    return plans.size() > MAX_PLANS ? plans.subList(0, MAX_PLANS) : plans;
  }

  private static Optional<Plan> picked(Turn turn, List<Plan> offered) {
    String choice = turn.choice();
    if (choice != null && choice.startsWith("plan.")) {
      String id = choice.substring("plan.".length());
      return offered.stream().filter(p -> p.id().equals(id)).findFirst();
    }
    String n = turn.normal();
    Optional<Integer> number = Words.choiceNumber(n);
    if (number.isPresent()) {
      int i = number.get();
      return i >= 1 && i <= offered.size() ? Optional.of(offered.get(i - 1)) : Optional.empty();
    }
    // A plan typed by name ("max") is understood too.
    return offered.stream().filter(p -> Words.normal(p.name()).equals(n)).findFirst();
  }

  /** {@code MAX — 10 Mbps — 120.00 LYD}. */
  private static String line(Turn turn, Plan p) {
    return line(turn, p, p.price());
  }

  private static String line(Turn turn, Plan p, BigDecimal price) {
    Formats f = turn.formats();
    String speed = p.downloadKbps() > 0 ? f.speed(p.downloadKbps()) : null;
    String money = f.money(price != null ? price : p.price());
    return speed == null ? p.name() + " — " + money : p.name() + " — " + speed + " — " + money;
  }
}

using Microsoft.EntityFrameworkCore;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout.Processing;

/// <summary>
/// The embedded test-mode processor: cards are checked like real ones (Luhn, expiry, CVC) and then
/// decided by number, as CHECKOUT.md's table says. Decisions are kept (brand and last four only) so
/// that a charge is idempotent by key and can be looked up after a crash.
/// </summary>
public sealed class TestCardProcessor(IServiceScopeFactory scopes, TimeProvider time, SqliteBatchWriter? writer = null) : ICardProcessor
{
    private static readonly Dictionary<string, (string Code, string Message)> Declines = new(StringComparer.Ordinal)
    {
        ["4000000000000002"] = ("card_declined", "Your card was declined."),
        ["4000000000009995"] = ("insufficient_funds", "Your card has insufficient funds."),
        ["4000000000000069"] = ("expired_card", "Your card has expired."),
        ["4000000000000127"] = ("incorrect_cvc", "Your card's security code is incorrect."),
    };

    private static readonly HashSet<string> Successes = new(StringComparer.Ordinal) { "4242424242424242", "5555555555554444" };

    public bool Supports(bool livemode) => !livemode;

    public async Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        // Decided first and kept by key: a key charged before is refused by the unique index, and its first decision returned.
        var result = Decide(request.Card, time.GetUtcNow());
        var charge = new TestChargeRecord
        {
            IdempotencyKey = request.IdempotencyKey,
            Succeeded = result.Succeeded,
            DeclineCode = result.DeclineCode,
            CardBrand = result.Brand,
            CardLast4 = result.Last4,
            Amount = request.Amount,
            CreatedAt = time.UtcNow(),
        };
        try
        {
            if (writer is not null)
            {
                // On SQLite the decision joins other writes in a shared transaction.
                await writer.RunAsync(w => w.Insert(charge), CancellationToken.None);
            }
            else
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
                db.TestCharges.Add(charge);
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The same key was charged before (or at the same moment): the first decision stands.
            return (await LookupAsync(request.IdempotencyKey, CancellationToken.None))!;
        }

        return result;
    }

    public async Task<ChargeResult?> LookupAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        var record = await db.TestCharges.AsNoTracking().FirstOrDefaultAsync(c => c.IdempotencyKey == idempotencyKey, cancellationToken);
        if (record is null)
        {
            return null;
        }

        return record.Succeeded
            ? ChargeResult.Success(record.CardBrand ?? "unknown", record.CardLast4 ?? "")
            : ChargeResult.Declined(record.DeclineCode ?? "card_declined", Message(record.DeclineCode), record.CardBrand, record.CardLast4);
    }

    /// <summary>Checks a card's form; the messages name the field at fault. Null when the card is well formed.</summary>
    public static (string Field, string Code)? CheckForm(CardInput card, DateTimeOffset now)
    {
        if (card.Number.Length is < 12 or > 19 || !card.Number.All(char.IsAsciiDigit) || !Luhn(card.Number))
        {
            return ("card_number", "incorrect_number");
        }

        if (card.ExpiryMonth is < 1 or > 12 || card.ExpiryYear < 2000
            || new DateTime(card.ExpiryYear, card.ExpiryMonth, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1) <= now.UtcDateTime)
        {
            return ("card_expiry", "invalid_expiry");
        }

        if (card.Cvc.Length is < 3 or > 4 || !card.Cvc.All(char.IsAsciiDigit))
        {
            return ("card_cvc", "invalid_cvc");
        }

        return null;
    }

    public static string Brand(string number) => number switch
    {
        ['4', ..] => "visa",
        ['5', >= '1' and <= '5', ..] => "mastercard",
        ['2', ..] => "mastercard",
        ['3', '4' or '7', ..] => "amex",
        ['6', ..] => "discover",
        _ => "unknown",
    };

    private static ChargeResult Decide(CardInput card, DateTimeOffset now)
    {
        var brand = Brand(card.Number);
        if (CheckForm(card, now) is { } problem)
        {
            return ChargeResult.Declined(problem.Code, Message(problem.Code), brand, card.Last4);
        }

        if (Successes.Contains(card.Number))
        {
            return ChargeResult.Success(brand, card.Last4);
        }

        return Declines.TryGetValue(card.Number, out var decline)
            ? ChargeResult.Declined(decline.Code, decline.Message, brand, card.Last4)
            : ChargeResult.Declined("test_mode_live_card", Message("test_mode_live_card"), brand, card.Last4);
    }

    public static string Message(string? code) => code switch
    {
        "insufficient_funds" => "Your card has insufficient funds.",
        "expired_card" => "Your card has expired.",
        "incorrect_cvc" => "Your card's security code is incorrect.",
        "incorrect_number" => "Your card number is incorrect.",
        "invalid_expiry" => "Your card's expiry date is invalid or in the past.",
        "invalid_cvc" => "Your card's security code is invalid.",
        "test_mode_live_card" => "Your card was declined: this is test mode, so use a test card such as 4242 4242 4242 4242.",
        _ => "Your card was declined.",
    };

    private static bool Luhn(string digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Infrastructure.Auth;

namespace Paylink.Server.Infrastructure;

/// <summary>
/// <c>Idempotency-Key</c> on POST: the first request's status and body are kept for 24 hours per key and
/// credential (never a 5xx: that change was rolled back, so a retry must run again). A replay with the
/// same body gets the stored answer with <c>Idempotent-Replayed: true</c>; another body is a 400; a retry
/// while the first still runs is a 409 <c>idempotency_key_in_use</c>. The in-flight mark lapses after a
/// minute so a crash does not lock a key for a day. Kept in the database, so it holds across restarts
/// and instances.
/// A signed write (POST, PUT, DELETE) is keyed by its signed message too, in a scope of its own that no
/// credential's keys share, whether or not it carries an Idempotency-Key (which the signature does not
/// cover): a copy of it sent again within its lifetime gets the first answer and changes nothing.
/// </summary>
public sealed class Idempotency(RequestDelegate next, TimeProvider time, ILogger<Idempotency> logger)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    public static readonly TimeSpan InFlightFor = TimeSpan.FromMinutes(1);
    private const string KeyHeader = "Idempotency-Key";
    private const string SignedScopeSuffix = "|signed-request";

    /// <summary>What one stored answer is filed under, and the name a caller knows it by (for messages).</summary>
    private sealed record Claim(string Scope, string Key, string RequestHash, string Name);

    // Only HttpContext as a parameter: every other request (each page view, each GET) resolves nothing.
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var post = HttpMethods.IsPost(request.Method);
        if (!(post || HttpMethods.IsPut(request.Method) || HttpMethods.IsDelete(request.Method)) || !request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        // Taken here, not as parameters: a write with neither a key nor a signature rents no context.
        var caller = context.RequestServices.GetRequiredService<Caller>();
        var hasKey = post && request.Headers.ContainsKey(KeyHeader);
        if (caller.SignedMessage is { } signed)
        {
            var claim = new Claim(caller.Scope + SignedScopeSuffix, signed, signed, "request signature");
            await AnswerOnceAsync(context, claim, hasKey ? ByKeyAsync : next);
        }
        else if (hasKey)
        {
            await ByKeyAsync(context);
        }
        else
        {
            await next(context);
        }
    }

    private async Task ByKeyAsync(HttpContext context)
    {
        var key = context.Request.Headers[KeyHeader].ToString();
        if (key.Length is 0 or > 255)
        {
            throw new ApiException(400, "idempotency_error", "idempotency_key_invalid", "Idempotency-Key must be 1 to 255 characters long.", KeyHeader);
        }

        var caller = context.RequestServices.GetRequiredService<Caller>();
        await AnswerOnceAsync(context, new Claim(caller.Scope, key, await HashRequestAsync(context.Request), KeyHeader), next);
    }

    private async Task AnswerOnceAsync(HttpContext context, Claim claim, RequestDelegate handler)
    {
        var db = context.RequestServices.GetRequiredService<PaylinkDbContext>();
        var now = time.UtcNow();
        var record = new IdempotencyRecord
        {
            Scope = claim.Scope,
            Key = claim.Key,
            RequestHash = claim.RequestHash,
            CreatedAt = now,
            LockedUntil = now + InFlightFor,
        };

        if (!await TryClaimAsync(db, record, claim.Name, now, context))
        {
            return;
        }

        var original = context.Response.Body;
        await using var captured = new MemoryStream();
        context.Response.Body = captured;
        var completed = false;
        try
        {
            await handler(context);
            completed = true;
        }
        catch (ApiException e) when (e.Status < 500)
        {
            // A refusal (400, 404, 409…) is an answer like any other: stored and replayed, so a retry cannot change it.
            await ApiErrors.WriteAsync(context, e);
            completed = true;
        }
        finally
        {
            context.Response.Body = original;
            var status = context.Response.StatusCode;
            db.ChangeTracker.Clear();
            try
            {
                if (completed && status < 500)
                {
                    var body = Encoding.UTF8.GetString(captured.GetBuffer(), 0, (int)captured.Length);
                    await db.IdempotencyRecords
                        .Where(r => r.Scope == record.Scope && r.Key == record.Key)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.StatusCode, status).SetProperty(r => r.ResponseBody, body), CancellationToken.None);
                }
                else
                {
                    await db.IdempotencyRecords
                        .Where(r => r.Scope == record.Scope && r.Key == record.Key)
                        .ExecuteDeleteAsync(CancellationToken.None);
                }
            }
            catch (Exception e) when (completed)
            {
                // The change is committed: answer it. Failing now would make the client retry it; the
                // in-flight mark lapses after a minute, and until then a retry is told to wait.
                logger.LogWarning(e, "Could not store the response of idempotency key {Key}", record.Key);
            }

            captured.Position = 0;
            await captured.CopyToAsync(original, CancellationToken.None);
        }
    }

    /// <summary>Inserts the in-flight mark; when the key is taken, answers the caller from what is stored and returns false.</summary>
    private static async Task<bool> TryClaimAsync(PaylinkDbContext db, IdempotencyRecord record, string name, DateTime now, HttpContext context)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            db.IdempotencyRecords.Add(record);
            try
            {
                await db.SaveChangesAsync(context.RequestAborted);
                db.ChangeTracker.Clear();
                return true;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
            }

            var existing = await db.IdempotencyRecords.AsNoTracking()
                .FirstOrDefaultAsync(r => r.Scope == record.Scope && r.Key == record.Key, context.RequestAborted);
            if (existing is null)
            {
                continue;
            }

            var stale = existing.CreatedAt < now - Retention
                || (existing.StatusCode is null && existing.LockedUntil < now);
            if (stale)
            {
                // Take the key over only if nobody else did meanwhile.
                await db.IdempotencyRecords
                    .Where(r => r.Scope == existing.Scope && r.Key == existing.Key && r.CreatedAt == existing.CreatedAt)
                    .ExecuteDeleteAsync(context.RequestAborted);
                continue;
            }

            if (existing.RequestHash != record.RequestHash)
            {
                throw new ApiException(400, "idempotency_error", "idempotency_key_reused",
                    $"This {name} was already used with a different request. Use a new key for a new request.", KeyHeader);
            }

            if (existing.StatusCode is not { } status)
            {
                throw InUse(name);
            }

            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.Headers["Idempotent-Replayed"] = "true";
            await context.Response.WriteAsync(existing.ResponseBody ?? "", context.RequestAborted);
            return false;
        }

        throw InUse(name);
    }

    private static ApiException InUse(string name) =>
        new(409, "idempotency_error", "idempotency_key_in_use", $"A request with this {name} is still being processed. Retry in a moment.",
            name == KeyHeader ? KeyHeader : null);

    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering(RequestBody.MaxBytes + 1);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[8192];
        int read;
        long total = 0;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            total += read;
            if (total > RequestBody.MaxBytes)
            {
                throw new ApiException(413, "invalid_request_error", "request_too_large", "The request body is larger than 256 KiB.");
            }

            sha.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}

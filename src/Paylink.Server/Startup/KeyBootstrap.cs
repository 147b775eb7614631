using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;
using Paylink.Server.Infrastructure.Auth;

namespace Paylink.Server.Startup;

/// <summary>
/// Makes sure a test and a live secret key exist. Keys from configuration are used as they are.
/// Otherwise keys are generated on first start and stored as SHA-256 hashes; the test key is also kept
/// encrypted (Data Protection) so that it can be printed at every start, while a generated live key is
/// printed once, on the start that makes it.
/// </summary>
public static class KeyBootstrap
{
    private const string Purpose = "Paylink.SecretKeys.Test";

    public sealed record KeyReport(string? TestKey, string? NewLiveKey, bool LiveFromConfig);

    public static async Task<KeyReport> EnsureAsync(IServiceProvider services, PaylinkOptions options)
    {
        var keys = services.GetRequiredService<SecretKeys>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        var time = services.GetRequiredService<TimeProvider>();

        string? testKey = options.SecretKeys.Test;
        if (testKey is not null)
        {
            keys.AddConfigured(testKey, livemode: false);
        }
        else
        {
            var stored = await db.ApiKeys.AsNoTracking().Where(k => !k.Livemode && k.RevokedAt == null && k.ProtectedKey != null)
                .OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync();
            testKey = stored is not null ? protector.Unprotect(stored.ProtectedKey!) : await CreateAsync(db, protector, time, livemode: false);
        }

        string? newLive = null;
        if (options.SecretKeys.Live is { } liveKey)
        {
            keys.AddConfigured(liveKey, livemode: true);
        }
        else if (!await db.ApiKeys.AnyAsync(k => k.Livemode && k.RevokedAt == null))
        {
            newLive = await CreateAsync(db, protector, time, livemode: true);
        }

        return new KeyReport(testKey, newLive, options.SecretKeys.Live is not null);
    }

    /// <summary>Revokes every stored key of the mode and makes a new one: the <c>keys roll test|live</c> verb.</summary>
    public static async Task<string> RollAsync(IServiceProvider services, bool livemode)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        var time = services.GetRequiredService<TimeProvider>();
        await using var transaction = await db.BeginWriteAsync();
        var now = time.UtcNow();
        await db.ApiKeys.Where(k => k.Livemode == livemode && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now));
        var key = await CreateAsync(db, protector, time, livemode);
        await transaction.CommitAsync();
        return key;
    }

    private static async Task<string> CreateAsync(PaylinkDbContext db, IDataProtector protector, TimeProvider time, bool livemode)
    {
        var key = SecretKeys.Generate(livemode);
        db.ApiKeys.Add(new ApiKeyRecord
        {
            Id = Ids.New("key"),
            Livemode = livemode,
            KeyHash = SecretKeys.Hash(key),
            ProtectedKey = livemode ? null : protector.Protect(key),
            CreatedAt = time.UtcNow(),
        });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return key;
    }
}

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Paylink.Data;

namespace Paylink.Server.Infrastructure.Auth;

/// <summary>
/// Checks secret keys. Keys are long random strings, so a SHA-256 hash is the right thing to store and
/// compare. Keys from configuration are held (hashed) in memory; generated keys live, hashed, in the
/// database and are cached briefly so that a key rolled by another process stops working within a minute.
/// </summary>
public sealed class SecretKeys(IServiceScopeFactory scopes, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, KnownKey> _configured = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (KnownKey Key, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public sealed record KnownKey(string Id, bool Livemode);

    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string Generate(bool livemode) =>
        (livemode ? "sk_live_" : "sk_test_") + RandomNumberGenerator.GetString("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 40);

    public void AddConfigured(string key, bool livemode) =>
        _configured[Hash(key)] = new KnownKey(livemode ? "key_config_live" : "key_config_test", livemode);

    public void Forget() => _cache.Clear();

    public async Task<KnownKey?> FindAsync(string key, CancellationToken cancellationToken)
    {
        if (!key.StartsWith("sk_test_", StringComparison.Ordinal) && !key.StartsWith("sk_live_", StringComparison.Ordinal))
        {
            return null;
        }

        var hash = Hash(key);
        if (_configured.TryGetValue(hash, out var configured))
        {
            return configured;
        }

        var now = time.GetUtcNow();
        if (_cache.TryGetValue(hash, out var cached) && cached.Until > now)
        {
            return cached.Key;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        var record = await db.ApiKeys.AsNoTracking()
            .Where(k => k.KeyHash == hash && k.RevokedAt == null)
            .Select(k => new KnownKey(k.Id, k.Livemode))
            .FirstOrDefaultAsync(cancellationToken);
        if (record is null)
        {
            _cache.TryRemove(hash, out _);
            return null;
        }

        _cache[hash] = (record, now + CacheFor);
        return record;
    }
}

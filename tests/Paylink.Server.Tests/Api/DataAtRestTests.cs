using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paylink.Data;
using Paylink.Server.Tests.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>What another account on the machine, or a copy of the database, can read.</summary>
public abstract class DataAtRestTests(DatabaseKind kind)
{
    private const string Password = "pfx-password";

    [Fact]
    public async Task With_a_certificate_the_key_ring_is_stored_encrypted_and_read_back_after_a_restart()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var pfx = WriteCertificate();
        var settings = new Dictionary<string, string?>
        {
            ["Paylink:KeyRing:Certificate"] = pfx,
            ["Paylink:KeyRing:CertificatePassword"] = Password,
        };
        string protectedText;
        await using (var first = new PaylinkApp(database, settings))
        {
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("a secret");

            var keys = await KeyRingAsync(first);
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("encryptedSecret", xml);
                Assert.DoesNotContain("<value>", xml);
            });
            (await first.Client().ApiGetAsync("/api/payment-links")).Expect(200);
        }

        await using var second = new PaylinkApp(database, settings);
        Assert.Equal("a secret", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
        File.Delete(pfx);
    }

    [Fact]
    public async Task Without_a_certificate_the_key_ring_is_plain_xml_as_the_readme_warns()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var app = new PaylinkApp(database);
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("a secret");

        Assert.Contains(await KeyRingAsync(app), xml => xml.Contains("<value>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_certificate_that_is_not_there_stops_the_start_with_the_setting_named()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var missing = Path.Combine(Path.GetTempPath(), "paylink-missing-" + Guid.NewGuid().ToString("N") + ".pfx");
        await using var app = new PaylinkApp(database, new Dictionary<string, string?> { ["Paylink:KeyRing:Certificate"] = missing });

        var error = Assert.Throws<InvalidOperationException>(() => app.Services);
        Assert.Contains("Paylink:KeyRing:Certificate", error.Message);
    }

    private static async Task<List<string>> KeyRingAsync(PaylinkApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        return await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync();
    }

    private static string WriteCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Paylink key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), "paylink-keyring-" + Guid.NewGuid().ToString("N") + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }

    public sealed class OnSqlite() : DataAtRestTests(DatabaseKind.Sqlite)
    {
        [Fact]
        public async Task The_data_folder_is_the_owners_alone_and_so_are_the_database_files()
        {
            if (OperatingSystem.IsWindows())
            {
                return;
            }

            await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
            var folder = database.Settings["Paylink:DataDir"]!;
            await using (var app = new PaylinkApp(database))
            {
                (await app.Client().ApiPostAsync("/api/products", """{"name":"Box"}""")).Expect(200);

                Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(folder));
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    var file = Path.Combine(folder, "paylink.db" + suffix);
                    Assert.True(File.Exists(file), file);
                    Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(file));
                }
            }

            // Files an older version left readable by everyone are narrowed at the next start.
            File.SetUnixFileMode(folder, OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            File.SetUnixFileMode(Path.Combine(folder, "paylink.db"), OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            await using (var again = new PaylinkApp(database))
            {
                (await again.Client().ApiGetAsync("/api/products")).Expect(200);
                Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(folder));
                Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(Path.Combine(folder, "paylink.db")));
            }
        }

        private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    }

    public sealed class OnPostgres() : DataAtRestTests(DatabaseKind.Postgres);
}

package org.openpec.examples.generate;

/** The Azure roles the synthetic grants use, with Microsoft's role-definition GUIDs. */
enum BuiltInRole {
  OWNER("Owner", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"),
  CONTRIBUTOR("Contributor", "b24988ac-6180-42a0-ab88-20f7382dd24c"),
  READER("Reader", "acdd72a7-3385-48ef-bd42-f606fba81ae7"),
  VIRTUAL_MACHINE_CONTRIBUTOR("Virtual Machine Contributor", "9980e02c-c2be-4d73-94e8-173b1dc7cf3c"),
  STORAGE_ACCOUNT_CONTRIBUTOR("Storage Account Contributor", "17d1049b-9a84-46fb-8f53-869881c3d3ab"),
  SQL_DB_CONTRIBUTOR("SQL DB Contributor", "9b7fa17d-e63e-47b0-bb0a-15c516ac86ec"),
  COST_MANAGEMENT_READER("Cost Management Reader", "72fafb9e-0641-4937-9268-a91bfd8191a3"),
  MONITORING_READER("Monitoring Reader", "43d0d8ad-25c7-4714-9337-8ba259a9fe05"),
  /** A custom role: absent from the catalogue, so never eligible. */
  CUSTOM_OPERATOR("Contoso NOC Operator", "5d1f3c7a-2b8e-4f60-9a51-7c3e0d2b9f14");

  final String roleName;
  final String definitionId;

  BuiltInRole(String roleName, String definitionId) {
    this.roleName = roleName;
    this.definitionId = definitionId;
  }
}

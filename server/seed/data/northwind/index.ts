/**
 * Northwind Retail, an online retailer: the seed text's retail examples, mapped. One file per
 * stream, listed here in the order they are seeded.
 */
import type { DemoStream, SeedStream } from '../define';
import * as onlineOrderFulfillment from './online-order-fulfillment';
import * as inventoryManagement from './inventory-management';
import * as customerService from './customer-service';
import * as storefrontReleases from './storefront-releases';
import * as warehouseManagementSystem from './warehouse-management-system';
import * as storefrontPlatform from './storefront-platform';

export const northwindDemo: readonly DemoStream[] = [
  onlineOrderFulfillment,
  inventoryManagement,
  customerService,
  storefrontReleases,
  warehouseManagementSystem,
  storefrontPlatform,
];

export const northwindStreams: SeedStream[] = northwindDemo.map((d) => d.stream);

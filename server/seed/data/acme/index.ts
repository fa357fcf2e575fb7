/**
 * Acme Motors, an automaker: the seed text's manufacturing and SaaS examples, mapped. One file
 * per stream, listed here in the order they are seeded.
 */
import type { DemoStream, SeedStream } from '../define';
import * as vehicleManufacturing from './vehicle-manufacturing';
import * as dealerOrderFulfillment from './dealer-order-fulfillment';
import * as partsProcurement from './parts-procurement';
import * as connectedCarSoftwareDelivery from './connected-car-software-delivery';
import * as manufacturingExecutionSystem from './manufacturing-execution-system';

export const acmeDemo: readonly DemoStream[] = [
  vehicleManufacturing,
  dealerOrderFulfillment,
  partsProcurement,
  connectedCarSoftwareDelivery,
  manufacturingExecutionSystem,
];

export const acmeStreams: SeedStream[] = acmeDemo.map((d) => d.stream);

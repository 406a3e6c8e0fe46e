export { SlotPicker, SLOT_PICKER_DAYS, type SlotPickerProps } from './slot-picker';
export { useDoctorSlots } from './use-doctor-slots';

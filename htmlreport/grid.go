package htmlreport

// cell is a tile's place in the grid: column and row, from the top left.
type cell struct{ col, row int }

// gridCols and gridRows are the size of the tile grid, not counting the overflow row for codes
// the grid does not place.
const (
	gridCols = 11
	gridRows = 8
)

// grid places each state, DC and Puerto Rico in the usual US tile-grid layout (NPR's): one square
// per jurisdiction, roughly where it lies on the map.
var grid = map[string]cell{
	"AK": {0, 0}, "ME": {10, 0},
	"VT": {9, 1}, "NH": {10, 1},
	"WA": {0, 2}, "ID": {1, 2}, "MT": {2, 2}, "ND": {3, 2}, "MN": {4, 2}, "IL": {5, 2},
	"WI": {6, 2}, "MI": {7, 2}, "NY": {8, 2}, "RI": {9, 2}, "MA": {10, 2},
	"OR": {0, 3}, "NV": {1, 3}, "WY": {2, 3}, "SD": {3, 3}, "IA": {4, 3}, "IN": {5, 3},
	"OH": {6, 3}, "PA": {7, 3}, "NJ": {8, 3}, "CT": {9, 3},
	"CA": {0, 4}, "UT": {1, 4}, "CO": {2, 4}, "NE": {3, 4}, "MO": {4, 4}, "KY": {5, 4},
	"WV": {6, 4}, "VA": {7, 4}, "MD": {8, 4}, "DE": {9, 4},
	"AZ": {1, 5}, "NM": {2, 5}, "KS": {3, 5}, "AR": {4, 5}, "TN": {5, 5}, "NC": {6, 5},
	"SC": {7, 5}, "DC": {8, 5},
	"OK": {3, 6}, "LA": {4, 6}, "MS": {5, 6}, "AL": {6, 6}, "GA": {7, 6},
	"HI": {0, 7}, "TX": {3, 7}, "FL": {8, 7}, "PR": {10, 7},
}

// names gives each tile's full name for when the report does not carry one.
var names = map[string]string{
	"AK": "Alaska", "AL": "Alabama", "AR": "Arkansas", "AZ": "Arizona", "CA": "California",
	"CO": "Colorado", "CT": "Connecticut", "DC": "District of Columbia", "DE": "Delaware",
	"FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "IA": "Iowa", "ID": "Idaho",
	"IL": "Illinois", "IN": "Indiana", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
	"MA": "Massachusetts", "MD": "Maryland", "ME": "Maine", "MI": "Michigan", "MN": "Minnesota",
	"MO": "Missouri", "MS": "Mississippi", "MT": "Montana", "NC": "North Carolina",
	"ND": "North Dakota", "NE": "Nebraska", "NH": "New Hampshire", "NJ": "New Jersey",
	"NM": "New Mexico", "NV": "Nevada", "NY": "New York", "OH": "Ohio", "OK": "Oklahoma",
	"OR": "Oregon", "PA": "Pennsylvania", "PR": "Puerto Rico", "RI": "Rhode Island",
	"SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah",
	"VA": "Virginia", "VT": "Vermont", "WA": "Washington", "WI": "Wisconsin", "WV": "West Virginia",
	"WY": "Wyoming",
}

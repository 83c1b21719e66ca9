// Streaming JSON writer (see json_writer.hpp).
#include "json_writer.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/number_text.hpp"
#include "embed/json_value.hpp"

namespace hebbian {

void JsonWriter::separate() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!first_in_scope_.empty()) {
        if (!first_in_scope_.back()) out_ << ',';
        first_in_scope_.back() = false;
    }
}

void JsonWriter::begin_object() {
    separate();
    out_ << '{';
    first_in_scope_.push_back(true);
}

void JsonWriter::end_object() {
    first_in_scope_.pop_back();
    out_ << '}';
}

void JsonWriter::begin_array() {
    separate();
    out_ << '[';
    first_in_scope_.push_back(true);
}

void JsonWriter::end_array() {
    first_in_scope_.pop_back();
    out_ << ']';
}

void JsonWriter::key(const std::string& name) {
    separate();
    write_string(name);
    out_ << ':';
    after_key_ = true;
}

void JsonWriter::value(double number) {
    if (!std::isfinite(number)) {
        null();
        return;
    }
    separate();
    out_ << exact_number(number);
}

void JsonWriter::value(long long number) {
    separate();
    out_ << number;
}

void JsonWriter::value(bool flag) {
    separate();
    out_ << (flag ? "true" : "false");
}

void JsonWriter::value(const std::string& text) {
    separate();
    write_string(text);
}

void JsonWriter::write_string(const std::string& text) { out_ << embed::json_quote(text); }

void JsonWriter::null() {
    separate();
    out_ << "null";
}

void JsonWriter::value(const Eigen::VectorXd& vector) {
    begin_array();
    for (Eigen::Index i = 0; i < vector.size(); ++i) value(vector(i));
    end_array();
}

void JsonWriter::value(const std::vector<double>& series) {
    begin_array();
    for (double v : series) value(v);
    end_array();
}

void JsonWriter::value(const std::vector<long long>& series) {
    begin_array();
    for (long long v : series) value(v);
    end_array();
}

void JsonWriter::rows(const Eigen::MatrixXd& matrix) {
    begin_array();
    for (Eigen::Index i = 0; i < matrix.rows(); ++i) value(Eigen::VectorXd(matrix.row(i).transpose()));
    end_array();
}

}  // namespace hebbian
